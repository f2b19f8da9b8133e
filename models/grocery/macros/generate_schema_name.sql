{#
    The schema of a model is its layer: stg, std or cur — the custom schema name is used as-is,
    never prefixed with the target schema (dbt's default would give `stg_std`).
    Models without a custom schema land in the target's schema.
#}
{%- macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro -%}
