{#-
  Helpers for the expectations that check a relation's shape (columns, types). They compare at
  compile time against adapter.get_columns_in_relation and render a query that returns one row per
  problem found, so the usual "rows returned = failures" convention still holds.
-#}

{#- get_column_list(model, transform='upper'): the relation's column names, upper- or lower-cased. -#}
{% macro get_column_list(model, transform='upper') -%}
  {%- set names = [] -%}
  {%- for col in adapter.get_columns_in_relation(model) -%}
    {%- do names.append(dbt_expectations.transform_name(col.column, transform)) -%}
  {%- endfor -%}
  {{- return(names) -}}
{%- endmacro %}

{#- transform_name(name, transform='upper'): name upper- or lower-cased ('upper' / 'lower'; anything else leaves it). -#}
{% macro transform_name(name, transform='upper') -%}
  {%- if transform == 'lower' -%}
    {{- return(name | lower) -}}
  {%- elif transform == 'upper' -%}
    {{- return(name | upper) -}}
  {%- else -%}
    {{- return(name) -}}
  {%- endif -%}
{%- endmacro %}

{#- failures_query(problems): a query returning one row (column `failure`) per message in `problems`, none when empty. -#}
{% macro failures_query(problems) -%}
  {%- if problems | length == 0 -%}
select cast(null as {{ dbt.type_string() }}) as failure
from (select 1 as dbt_expectations_dummy) as dbt_expectations_no_rows
where 1 = 0
  {%- else -%}
    {%- for problem in problems -%}
      {%- if not loop.first %}
union all
{% endif -%}
select cast('{{ dbt.escape_single_quotes(problem) }}' as {{ dbt.type_string() }}) as failure
    {%- endfor -%}
  {%- endif -%}
{%- endmacro %}
