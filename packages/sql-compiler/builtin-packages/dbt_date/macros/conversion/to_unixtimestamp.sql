{#- to_unixtimestamp(timestamp): whole seconds since 1970-01-01 00:00:00 UTC (timestamps without time zone are taken as UTC). -#}
{% macro to_unixtimestamp(timestamp) -%}
  {{- adapter.dispatch('to_unixtimestamp', 'dbt_date')(timestamp) -}}
{%- endmacro %}

{% macro default__to_unixtimestamp(timestamp) -%}
cast(extract(epoch from {{ timestamp }}) as {{ dbt.type_bigint() }})
{%- endmacro %}

{% macro athena__to_unixtimestamp(timestamp) -%}
cast(floor(to_unixtime(with_timezone(cast({{ timestamp }} as timestamp(6)), 'UTC'))) as bigint)
{%- endmacro %}

{% macro duckdb__to_unixtimestamp(timestamp) -%}
cast(floor(epoch(cast({{ timestamp }} as timestamp))) as bigint)
{%- endmacro %}
