{#-
  Schema a node is built in. Default: target.schema, or "<target.schema>_<custom>" when the node
  configures a custom schema. A root-project macro of the same name overrides this one.
-#}
{% macro generate_schema_name(custom_schema_name=none, node=none) -%}
  {{- adapter.dispatch('generate_schema_name', 'dbt')(custom_schema_name, node) -}}
{%- endmacro %}

{% macro default__generate_schema_name(custom_schema_name, node) -%}
  {%- set default_schema = target.schema -%}
  {%- if custom_schema_name is none or (custom_schema_name | trim) == '' -%}
    {{- default_schema -}}
  {%- else -%}
    {{- default_schema }}_{{ custom_schema_name | trim -}}
  {%- endif -%}
{%- endmacro %}

{#- generate_schema_name_for_env(custom_schema_name, node): dbt's documented alternative: the custom schema verbatim when target.name is 'prod', else target.schema. -#}
{% macro generate_schema_name_for_env(custom_schema_name, node) -%}
  {%- set default_schema = target.schema -%}
  {%- if target.name == 'prod' and custom_schema_name is not none -%}
    {{- custom_schema_name | trim -}}
  {%- else -%}
    {{- default_schema -}}
  {%- endif -%}
{%- endmacro %}
