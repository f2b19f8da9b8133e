{#- array_concat(array_1, array_2): the two arrays joined end to end. -#}
{% macro array_concat(array_1, array_2) -%}
  {{- adapter.dispatch('array_concat', 'dbt')(array_1, array_2) -}}
{%- endmacro %}

{% macro default__array_concat(array_1, array_2) -%}
array_cat({{ array_1 }}, {{ array_2 }})
{%- endmacro %}

{% macro athena__array_concat(array_1, array_2) -%}
concat({{ array_1 }}, {{ array_2 }})
{%- endmacro %}

{% macro duckdb__array_concat(array_1, array_2) -%}
list_concat({{ array_1 }}, {{ array_2 }})
{%- endmacro %}
