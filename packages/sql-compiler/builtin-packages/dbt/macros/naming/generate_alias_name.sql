{#-
  Identifier a node is built as. Default: the configured alias, else the node name; versioned
  models get "<name>_v<version>" (dots in the version become underscores).
-#}
{% macro generate_alias_name(custom_alias_name=none, node=none) -%}
  {{- adapter.dispatch('generate_alias_name', 'dbt')(custom_alias_name, node) -}}
{%- endmacro %}

{% macro default__generate_alias_name(custom_alias_name=none, node=none) -%}
  {%- if custom_alias_name -%}
    {{- custom_alias_name | trim -}}
  {%- elif node.version is defined and node.version is not none and (node.version | string) != '' -%}
    {{- node.name ~ '_v' ~ ((node.version | string) | replace('.', '_')) -}}
  {%- else -%}
    {{- node.name -}}
  {%- endif -%}
{%- endmacro %}
