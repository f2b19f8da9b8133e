{#- day_name(date, short=True, language='default'): English weekday name, 'Mon' or 'Monday'. -#}
{% macro day_name(date, short=True, language='default') -%}
  {{- adapter.dispatch('day_name', 'dbt_date')(date, short, language) -}}
{%- endmacro %}

{% macro default__day_name(date, short, language) -%}
to_char({{ date }}, '{{ 'Dy' if short else 'FMDay' }}')
{%- endmacro %}

{% macro athena__day_name(date, short, language) -%}
date_format({{ date }}, '{{ '%a' if short else '%W' }}')
{%- endmacro %}

{% macro duckdb__day_name(date, short, language) -%}
strftime({{ date }}, '{{ '%a' if short else '%A' }}')
{%- endmacro %}
