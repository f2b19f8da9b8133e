{#- month_name(date, short=True, language='default'): English month name, 'Jan' or 'January'. -#}
{% macro month_name(date, short=True, language='default') -%}
  {{- adapter.dispatch('month_name', 'dbt_date')(date, short, language) -}}
{%- endmacro %}

{% macro default__month_name(date, short, language) -%}
to_char({{ date }}, '{{ 'Mon' if short else 'FMMonth' }}')
{%- endmacro %}

{% macro athena__month_name(date, short, language) -%}
date_format({{ date }}, '{{ '%b' if short else '%M' }}')
{%- endmacro %}

{% macro duckdb__month_name(date, short, language) -%}
strftime({{ date }}, '{{ '%b' if short else '%B' }}')
{%- endmacro %}
