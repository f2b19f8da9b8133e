{#-
  convert_timezone(column, target_tz=None, source_tz=None): reinterpret a timestamp without time zone
  taken in source_tz (default 'UTC') as wall-clock time in target_tz (default: var
  'dbt_date:time_zone'), returned as a timestamp without time zone.
-#}
{% macro convert_timezone(column, target_tz=None, source_tz=None) -%}
  {%- set target_tz = target_tz if target_tz else var('dbt_date:time_zone', 'America/Los_Angeles') -%}
  {%- set source_tz = source_tz if source_tz else 'UTC' -%}
  {{- adapter.dispatch('convert_timezone', 'dbt_date')(column, target_tz, source_tz) -}}
{%- endmacro %}

{% macro default__convert_timezone(column, target_tz, source_tz) -%}
convert_timezone('{{ source_tz }}', '{{ target_tz }}', cast({{ column }} as {{ dbt.type_timestamp() }}))
{%- endmacro %}

{% macro athena__convert_timezone(column, target_tz, source_tz) -%}
cast(with_timezone(cast({{ column }} as timestamp(6)), '{{ source_tz }}') at time zone '{{ target_tz }}' as timestamp(6))
{%- endmacro %}

{#- DuckDB: naive AT TIME ZONE attaches a zone, timestamptz AT TIME ZONE gives local wall time. -#}
{% macro duckdb__convert_timezone(column, target_tz, source_tz) -%}
((cast({{ column }} as timestamp) at time zone '{{ source_tz }}') at time zone '{{ target_tz }}')
{%- endmacro %}
