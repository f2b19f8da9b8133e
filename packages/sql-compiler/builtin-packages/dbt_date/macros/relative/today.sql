{#- today(tz=None): the current date in time zone tz (default: var 'dbt_date:time_zone'). -#}
{% macro today(tz=None) -%}
cast({{ dbt_date.now(tz) }} as date)
{%- endmacro %}
