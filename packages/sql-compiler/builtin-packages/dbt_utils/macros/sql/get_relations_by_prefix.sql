{#- get_relations_by_prefix(schema, prefix, exclude='', database=target.database): Relations in `schema` whose name starts with `prefix`. -#}
{% macro get_relations_by_prefix(schema, prefix, exclude='', database=target.database) -%}
  {{- return(adapter.dispatch('get_relations_by_prefix', 'dbt_utils')(schema, prefix, exclude, database)) -}}
{%- endmacro %}

{% macro default__get_relations_by_prefix(schema, prefix, exclude='', database=target.database) -%}
  {{- return(dbt_utils.get_relations_by_pattern(schema, prefix ~ '%', exclude, database)) -}}
{%- endmacro %}
