{#- date(year, month_num, day): a date literal built at compile time. -#}
{% macro date(year, month_num, day) -%}
  {{- adapter.dispatch('date', 'dbt')(year, month_num, day) -}}
{%- endmacro %}

{% macro default__date(year, month_num, day) -%}
date '{{ "%04d-%02d-%02d" | format(year | int, month_num | int, day | int) }}'
{%- endmacro %}
