{#-
  date_part(datepart, date): a datepart of a date/timestamp as a number (engine semantics; e.g.
  day-of-week numbering differs between engines, use day_of_week() for a portable value).
-#}
{% macro date_part(datepart, date) -%}
  {{- adapter.dispatch('date_part', 'dbt_date')(datepart, date) -}}
{%- endmacro %}

{% macro default__date_part(datepart, date) -%}
date_part('{{ datepart }}', {{ date }})
{%- endmacro %}

{#- Trino: extract(<field> from x); a few common aliases are mapped to Trino's field names. -#}
{% macro athena__date_part(datepart, date) -%}
  {%- set aliases = {
      'dayofweek': 'day_of_week', 'dow': 'day_of_week', 'weekday': 'day_of_week',
      'dayofyear': 'day_of_year', 'doy': 'day_of_year',
      'dayofmonth': 'day', 'day_of_month': 'day',
      'isoyear': 'year_of_week', 'yearofweek': 'year_of_week',
      'weekofyear': 'week', 'isoweek': 'week', 'week_of_year': 'week'
  } -%}
  {%- set part = datepart | lower | trim -%}
extract({{ aliases[part] if part in aliases else part }} from {{ date }})
{%- endmacro %}

{% macro duckdb__date_part(datepart, date) -%}
date_part('{{ datepart }}', {{ date }})
{%- endmacro %}
