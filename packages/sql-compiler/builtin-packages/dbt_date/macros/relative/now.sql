{#- now(tz=None): the current time in time zone tz (default: var 'dbt_date:time_zone', else America/Los_Angeles), as a timestamp without time zone. -#}
{% macro now(tz=None) -%}
  {{- dbt_date.convert_timezone(dbt.current_timestamp(), tz) -}}
{%- endmacro %}
