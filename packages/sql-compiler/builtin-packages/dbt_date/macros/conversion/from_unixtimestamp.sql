{#-
  from_unixtimestamp(epochs, format='seconds'): a UTC timestamp (without time zone) from an epoch
  number in 'seconds', 'milliseconds', 'microseconds' or 'nanoseconds'.
-#}
{% macro from_unixtimestamp(epochs, format='seconds') -%}
  {%- if format not in ['seconds', 'milliseconds', 'microseconds', 'nanoseconds'] -%}
    {{- exceptions.raise_compiler_error("from_unixtimestamp: format must be seconds, milliseconds, microseconds or nanoseconds, got '" ~ format ~ "'") -}}
  {%- endif -%}
  {{- adapter.dispatch('from_unixtimestamp', 'dbt_date')(epochs, format) -}}
{%- endmacro %}

{% macro default__from_unixtimestamp(epochs, format) -%}
  {%- set divisor = {'seconds': '1', 'milliseconds': '1000', 'microseconds': '1000000', 'nanoseconds': '1000000000'}[format] -%}
cast(to_timestamp({% if format == 'seconds' %}{{ epochs }}{% else %}{{ epochs }} / {{ divisor }}.0{% endif %}) as {{ dbt.type_timestamp() }})
{%- endmacro %}

{% macro athena__from_unixtimestamp(epochs, format) -%}
  {%- set divisor = {'seconds': '1', 'milliseconds': '1000', 'microseconds': '1000000', 'nanoseconds': '1000000000'}[format] -%}
cast(from_unixtime({% if format == 'seconds' %}{{ epochs }}{% else %}cast({{ epochs }} as double) / {{ divisor }}{% endif %}) at time zone 'UTC' as timestamp(6))
{%- endmacro %}

{% macro duckdb__from_unixtimestamp(epochs, format) -%}
  {%- if format == 'seconds' -%}
make_timestamp(cast(cast({{ epochs }} as double) * 1000000 as bigint))
  {%- elif format == 'milliseconds' -%}
make_timestamp(cast(cast({{ epochs }} as double) * 1000 as bigint))
  {%- elif format == 'microseconds' -%}
make_timestamp(cast({{ epochs }} as bigint))
  {%- else -%}
make_timestamp(cast(cast({{ epochs }} as double) / 1000 as bigint))
  {%- endif -%}
{%- endmacro %}
