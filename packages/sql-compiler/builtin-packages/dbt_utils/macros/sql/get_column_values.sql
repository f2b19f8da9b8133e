{#-
  get_column_values(table, column, order_by='count(*) desc', max_records=none, default=none, where=none):
  the distinct values of a column as a Jinja list, queried with run_query. While parsing (and when
  the relation does not exist and a default is given) returns `default` (or []).
-#}
{% macro get_column_values(table, column, order_by='count(*) desc', max_records=none, default=none, where=none) -%}
  {{- return(adapter.dispatch('get_column_values', 'dbt_utils')(table, column, order_by, max_records, default, where)) -}}
{%- endmacro %}

{% macro default__get_column_values(table, column, order_by='count(*) desc', max_records=none, default=none, where=none) -%}
  {%- set fallback = default if default is not none else [] -%}
  {%- if not execute -%}
    {{- return(fallback) -}}
  {%- endif -%}
  {%- if default is not none and table is not string -%}
    {%- set existing = adapter.get_relation(database=table.database, schema=table.schema, identifier=table.identifier) -%}
    {%- if existing is none -%}
      {{- return(default) -}}
    {%- endif -%}
  {%- endif -%}
  {%- set values_sql -%}
select {{ column }} as value
from {{ table }}
{%- if where %}
where {{ where }}
{%- endif %}
group by {{ column }}
order by {{ order_by }}
{%- if max_records is not none %}
limit {{ max_records }}
{%- endif %}
  {%- endset -%}
  {%- set result = run_query(values_sql) -%}
  {%- if result is none -%}
    {{- return(fallback) -}}
  {%- endif -%}
  {{- return(result.columns[0].values() | list) -}}
{%- endmacro %}
