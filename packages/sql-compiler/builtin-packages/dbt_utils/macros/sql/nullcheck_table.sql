{#- nullcheck_table(relation): select * from relation with empty strings turned into nulls. -#}
{% macro nullcheck_table(relation) -%}
  {{- return(adapter.dispatch('nullcheck_table', 'dbt_utils')(relation)) -}}
{%- endmacro %}

{% macro default__nullcheck_table(relation) -%}
  {%- do dbt_utils.assert_is_relation(relation, 'nullcheck_table') -%}
  {%- set cols = adapter.get_columns_in_relation(relation) if execute else [] -%}
  {%- if cols | length == 0 -%}
select * from {{ relation }}
  {%- else -%}
select {{ dbt_utils.nullcheck(cols) }}
from {{ relation }}
  {%- endif -%}
{%- endmacro %}
