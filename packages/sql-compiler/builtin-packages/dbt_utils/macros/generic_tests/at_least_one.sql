{#- at_least_one(model, column_name, group_by_columns=[]): fails when the column has no non-null value (per group). -#}
{% test at_least_one(model, column_name, group_by_columns=[]) -%}
  {{- adapter.dispatch('test_at_least_one', 'dbt_utils')(model, column_name, group_by_columns) -}}
{%- endtest %}

{% macro default__test_at_least_one(model, column_name, group_by_columns=[]) -%}
select
    {{ dbt_utils.group_by_select_prefix(group_by_columns) }}count({{ column_name }}) as filler_column
from {{ model }}
{%- if group_by_columns %}
group by {{ group_by_columns | join(', ') }}
{%- endif %}
having count({{ column_name }}) = 0
{%- endmacro %}
