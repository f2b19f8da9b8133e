{#-
  get_relations_by_pattern(schema_pattern, table_pattern, exclude='', database=target.database):
  a list of Relations whose schema/table names match SQL LIKE patterns (e.g. 'raw_%', 'events_%'),
  found by querying information_schema with run_query. [] while parsing.
-#}
{% macro get_relations_by_pattern(schema_pattern, table_pattern, exclude='', database=target.database) -%}
  {{- return(adapter.dispatch('get_relations_by_pattern', 'dbt_utils')(schema_pattern, table_pattern, exclude, database)) -}}
{%- endmacro %}

{% macro default__get_relations_by_pattern(schema_pattern, table_pattern, exclude='', database=target.database) -%}
  {%- if not execute -%}
    {{- return([]) -}}
  {%- endif -%}
  {%- set result = run_query(dbt_utils.get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude, database)) -%}
  {%- set relations = [] -%}
  {%- if result is not none -%}
    {%- for row in result.rows -%}
      {%- do relations.append(api.Relation.create(database=database, schema=row[0], identifier=row[1], type=row[2])) -%}
    {%- endfor -%}
  {%- endif -%}
  {{- return(relations) -}}
{%- endmacro %}
