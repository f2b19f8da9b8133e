{#-
  deduplicate(relation, partition_by, order_by): one row per partition_by key, the first by order_by.
  relation may be a Relation or a CTE name. Athena/Trino has neither QUALIFY nor NATURAL JOIN, so
  the default variant selects the relation's known columns explicitly (schema YAML / catalog); when
  no columns are known it falls back to `*`, which also returns the helper column
  dbt_utils_row_number.
-#}
{% macro deduplicate(relation, partition_by, order_by) -%}
  {{- return(adapter.dispatch('deduplicate', 'dbt_utils')(relation, partition_by, order_by)) -}}
{%- endmacro %}

{% macro default__deduplicate(relation, partition_by, order_by) -%}
  {%- set column_names = [] -%}
  {%- if execute and relation is not string -%}
    {%- for col in adapter.get_columns_in_relation(relation) -%}
      {%- do column_names.append(adapter.quote(col.column)) -%}
    {%- endfor -%}
  {%- endif -%}
with dbt_utils_numbered as (
    select
        dbt_utils_source.*,
        row_number() over (
            partition by {{ partition_by }}
            order by {{ order_by }}
        ) as dbt_utils_row_number
    from {{ relation }} as dbt_utils_source
)
select {% if column_names %}{{ column_names | join(', ') }}{% else %}*{% endif %}
from dbt_utils_numbered
where dbt_utils_row_number = 1
{%- endmacro %}

{% macro duckdb__deduplicate(relation, partition_by, order_by) -%}
select *
from {{ relation }}
qualify row_number() over (
    partition by {{ partition_by }}
    order by {{ order_by }}
) = 1
{%- endmacro %}
