{#-
  day_of_week(date, isoweek=true): 1-7. ISO (default): Monday = 1 ... Sunday = 7;
  otherwise Sunday = 1 ... Saturday = 7.
-#}
{% macro day_of_week(date, isoweek=true) -%}
  {{- adapter.dispatch('day_of_week', 'dbt_date')(date, isoweek) -}}
{%- endmacro %}

{% macro default__day_of_week(date, isoweek) -%}
  {%- if isoweek -%}
cast(extract(isodow from {{ date }}) as {{ dbt.type_int() }})
  {%- else -%}
cast(extract(dow from {{ date }}) + 1 as {{ dbt.type_int() }})
  {%- endif -%}
{%- endmacro %}

{% macro athena__day_of_week(date, isoweek) -%}
  {%- if isoweek -%}
cast(day_of_week({{ date }}) as integer)
  {%- else -%}
cast(day_of_week({{ date }}) % 7 + 1 as integer)
  {%- endif -%}
{%- endmacro %}

{% macro duckdb__day_of_week(date, isoweek) -%}
  {%- if isoweek -%}
cast(isodow({{ date }}) as integer)
  {%- else -%}
cast(dayofweek({{ date }}) + 1 as integer)
  {%- endif -%}
{%- endmacro %}
