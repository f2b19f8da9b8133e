{#- day_of_month(date): 1-31. -#}
{% macro day_of_month(date) -%}
  {{- adapter.dispatch('day_of_month', 'dbt_date')(date) -}}
{%- endmacro %}

{% macro default__day_of_month(date) -%}
cast({{ dbt_date.date_part('day', date) }} as {{ dbt.type_int() }})
{%- endmacro %}
