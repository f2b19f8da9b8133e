{#- iso_week_of_year(date=None, tz=None): ISO 8601 week number (1-53). -#}
{% macro iso_week_of_year(date=None, tz=None) -%}
  {%- set dt = date if date else dbt_date.today(tz) -%}
  {{- adapter.dispatch('iso_week_of_year', 'dbt_date')(dt) -}}
{%- endmacro %}

{% macro default__iso_week_of_year(date) -%}
cast(extract(week from {{ date }}) as {{ dbt.type_int() }})
{%- endmacro %}

{% macro athena__iso_week_of_year(date) -%}
cast(week_of_year({{ date }}) as integer)
{%- endmacro %}

{% macro duckdb__iso_week_of_year(date) -%}
cast(weekofyear({{ date }}) as integer)
{%- endmacro %}
