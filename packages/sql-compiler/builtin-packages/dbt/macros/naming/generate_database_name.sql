{#- Database (Athena: catalog) a node is built in. Default: target.database, or the configured custom database. -#}
{% macro generate_database_name(custom_database_name=none, node=none) -%}
  {{- adapter.dispatch('generate_database_name', 'dbt')(custom_database_name, node) -}}
{%- endmacro %}

{% macro default__generate_database_name(custom_database_name=none, node=none) -%}
  {%- if custom_database_name is none or (custom_database_name | trim) == '' -%}
    {{- target.database -}}
  {%- else -%}
    {{- custom_database_name | trim -}}
  {%- endif -%}
{%- endmacro %}
