{#-
  get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude='', database=target.database):
  SQL listing table_schema, table_name, table_type ('table' / 'view') from information_schema whose
  names match the LIKE patterns (case-insensitive) and do not match `exclude`.
-#}
{% macro get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude='', database=target.database) -%}
  {{- return(adapter.dispatch('get_tables_by_pattern_sql', 'dbt_utils')(schema_pattern, table_pattern, exclude, database)) -}}
{%- endmacro %}

{% macro default__get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude='', database=target.database) -%}
select distinct
    table_schema as table_schema,
    table_name as table_name,
    case when upper(table_type) like '%VIEW%' then 'view' else 'table' end as table_type
from {{ adapter.quote(database) }}.information_schema.tables
where lower(table_schema) like lower('{{ schema_pattern }}')
  and lower(table_name) like lower('{{ table_pattern }}')
  and lower(table_name) not like lower('{{ exclude }}')
{%- endmacro %}

{#- DuckDB keeps one information_schema for all attached catalogs. -#}
{% macro duckdb__get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude='', database=target.database) -%}
select distinct
    table_schema as table_schema,
    table_name as table_name,
    case when upper(table_type) like '%VIEW%' then 'view' else 'table' end as table_type
from information_schema.tables
where lower(table_catalog) = lower('{{ database }}')
  and lower(table_schema) like lower('{{ schema_pattern }}')
  and lower(table_name) like lower('{{ table_pattern }}')
  and lower(table_name) not like lower('{{ exclude }}')
{%- endmacro %}
