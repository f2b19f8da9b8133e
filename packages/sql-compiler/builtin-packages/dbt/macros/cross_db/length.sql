{#- length(expression): number of characters. -#}
{% macro length(expression) -%}
  {{- adapter.dispatch('length', 'dbt')(expression) -}}
{%- endmacro %}

{% macro default__length(expression) -%}
length({{ expression }})
{%- endmacro %}
