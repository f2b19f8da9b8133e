{#- array_append(array, new_element): the array with one element added at the end. -#}
{% macro array_append(array, new_element) -%}
  {{- adapter.dispatch('array_append', 'dbt')(array, new_element) -}}
{%- endmacro %}

{% macro default__array_append(array, new_element) -%}
array_append({{ array }}, {{ new_element }})
{%- endmacro %}

{% macro athena__array_append(array, new_element) -%}
concat({{ array }}, array[{{ new_element }}])
{%- endmacro %}

{% macro duckdb__array_append(array, new_element) -%}
list_append({{ array }}, {{ new_element }})
{%- endmacro %}
