{#- date_trunc(datepart, date): truncate a date/timestamp to the start of its datepart. -#}
{% macro date_trunc(datepart, date) -%}
  {{- adapter.dispatch('date_trunc', 'dbt')(datepart, date) -}}
{%- endmacro %}

{% macro default__date_trunc(datepart, date) -%}
date_trunc('{{ datepart }}', {{ date }})
{%- endmacro %}
