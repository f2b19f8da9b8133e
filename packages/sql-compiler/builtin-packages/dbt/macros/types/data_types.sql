{#-
  Portable type names. Athena variants name Trino types (`varchar`, not Hive's `string`);
  `type_timestamp` is timestamp(6) because Iceberg tables store microseconds.
-#}

{#- type_string(): the string type (varchar). -#}
{% macro type_string() -%}{{ return(adapter.dispatch('type_string', 'dbt')()) }}{%- endmacro %}
{% macro default__type_string() -%}{{ return('varchar') }}{%- endmacro %}
{% macro athena__type_string() -%}{{ return('varchar') }}{%- endmacro %}
{% macro duckdb__type_string() -%}{{ return('varchar') }}{%- endmacro %}

{#- type_timestamp(): timestamp without time zone (Athena: timestamp(6)). -#}
{% macro type_timestamp() -%}{{ return(adapter.dispatch('type_timestamp', 'dbt')()) }}{%- endmacro %}
{% macro default__type_timestamp() -%}{{ return('timestamp') }}{%- endmacro %}
{% macro athena__type_timestamp() -%}{{ return('timestamp(6)') }}{%- endmacro %}
{% macro duckdb__type_timestamp() -%}{{ return('timestamp') }}{%- endmacro %}

{#- type_float(): double-precision float (Athena/DuckDB: double). -#}
{% macro type_float() -%}{{ return(adapter.dispatch('type_float', 'dbt')()) }}{%- endmacro %}
{% macro default__type_float() -%}{{ return('float') }}{%- endmacro %}
{% macro athena__type_float() -%}{{ return('double') }}{%- endmacro %}
{% macro duckdb__type_float() -%}{{ return('double') }}{%- endmacro %}

{#- type_numeric(): fixed-point decimal (Athena: decimal(38,6); DuckDB: decimal(28,6)). -#}
{% macro type_numeric() -%}{{ return(adapter.dispatch('type_numeric', 'dbt')()) }}{%- endmacro %}
{% macro default__type_numeric() -%}{{ return('numeric(28,6)') }}{%- endmacro %}
{% macro athena__type_numeric() -%}{{ return('decimal(38,6)') }}{%- endmacro %}
{% macro duckdb__type_numeric() -%}{{ return('decimal(28,6)') }}{%- endmacro %}

{#- type_bigint(): 64-bit integer. -#}
{% macro type_bigint() -%}{{ return(adapter.dispatch('type_bigint', 'dbt')()) }}{%- endmacro %}
{% macro default__type_bigint() -%}{{ return('bigint') }}{%- endmacro %}

{#- type_int(): 32-bit integer (Athena/DuckDB: integer). -#}
{% macro type_int() -%}{{ return(adapter.dispatch('type_int', 'dbt')()) }}{%- endmacro %}
{% macro default__type_int() -%}{{ return('int') }}{%- endmacro %}
{% macro athena__type_int() -%}{{ return('integer') }}{%- endmacro %}
{% macro duckdb__type_int() -%}{{ return('integer') }}{%- endmacro %}

{#- type_boolean(): boolean. -#}
{% macro type_boolean() -%}{{ return(adapter.dispatch('type_boolean', 'dbt')()) }}{%- endmacro %}
{% macro default__type_boolean() -%}{{ return('boolean') }}{%- endmacro %}
