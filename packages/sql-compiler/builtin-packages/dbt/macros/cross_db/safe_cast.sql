{#- safe_cast(field, type): a cast that yields null instead of failing on bad input. -#}
{% macro safe_cast(field, type) -%}
  {{- adapter.dispatch('safe_cast', 'dbt')(field, type) -}}
{%- endmacro %}

{% macro default__safe_cast(field, type) -%}
cast({{ field }} as {{ type }})
{%- endmacro %}

{% macro athena__safe_cast(field, type) -%}
try_cast({{ field }} as {{ type }})
{%- endmacro %}

{% macro duckdb__safe_cast(field, type) -%}
try_cast({{ field }} as {{ type }})
{%- endmacro %}
