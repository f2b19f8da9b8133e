{#- day_of_year(date): 1-366. -#}
{% macro day_of_year(date) -%}
  {{- adapter.dispatch('day_of_year', 'dbt_date')(date) -}}
{%- endmacro %}

{% macro default__day_of_year(date) -%}
cast(extract(doy from {{ date }}) as {{ dbt.type_int() }})
{%- endmacro %}

{% macro athena__day_of_year(date) -%}
cast(day_of_year({{ date }}) as integer)
{%- endmacro %}

{% macro duckdb__day_of_year(date) -%}
cast(dayofyear({{ date }}) as integer)
{%- endmacro %}
