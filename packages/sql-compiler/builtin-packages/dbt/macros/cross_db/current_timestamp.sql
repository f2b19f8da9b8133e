{#-
  current_timestamp(): the current time. The Athena variant is a timestamp(6) without time zone
  (in UTC, Athena's session zone) because Iceberg tables cannot store Trino's
  `timestamp with time zone`; DuckDB likewise yields a naive UTC timestamp.
-#}
{% macro current_timestamp() -%}
  {{- adapter.dispatch('current_timestamp', 'dbt')() -}}
{%- endmacro %}

{% macro default__current_timestamp() -%}
current_timestamp
{%- endmacro %}

{% macro athena__current_timestamp() -%}
cast(current_timestamp as timestamp(6))
{%- endmacro %}

{% macro duckdb__current_timestamp() -%}
cast(current_timestamp at time zone 'UTC' as timestamp)
{%- endmacro %}

{#- current_timestamp_backcompat(): same as current_timestamp(), kept for older packages. -#}
{% macro current_timestamp_backcompat() -%}
  {{- adapter.dispatch('current_timestamp_backcompat', 'dbt')() -}}
{%- endmacro %}

{% macro default__current_timestamp_backcompat() -%}
{{ dbt.current_timestamp() }}
{%- endmacro %}

{#- current_timestamp_in_utc_backcompat(): the current UTC time (same as current_timestamp() on Athena/DuckDB). -#}
{% macro current_timestamp_in_utc_backcompat() -%}
  {{- adapter.dispatch('current_timestamp_in_utc_backcompat', 'dbt')() -}}
{%- endmacro %}

{% macro default__current_timestamp_in_utc_backcompat() -%}
{{ dbt.current_timestamp() }}
{%- endmacro %}
