{#- hash(field): lowercase hex md5 of the field's string form. -#}
{% macro hash(field) -%}
  {{- adapter.dispatch('hash', 'dbt')(field) -}}
{%- endmacro %}

{% macro default__hash(field) -%}
md5(cast({{ field }} as {{ dbt.type_string() }}))
{%- endmacro %}

{#- Trino's md5 works on varbinary and to_hex is uppercase; lower() keeps keys identical to other engines. -#}
{% macro athena__hash(field) -%}
lower(to_hex(md5(to_utf8(cast({{ field }} as varchar)))))
{%- endmacro %}

{% macro duckdb__hash(field) -%}
md5(cast({{ field }} as varchar))
{%- endmacro %}
