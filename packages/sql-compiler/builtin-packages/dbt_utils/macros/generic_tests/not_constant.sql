{#- not_constant(model, column_name, group_by_columns=[]): fails when the column holds a single distinct value (per group). -#}
{% test not_constant(model, column_name, group_by_columns=[]) -%}
  {{- adapter.dispatch('test_not_constant', 'dbt_utils')(model, column_name, group_by_columns) -}}
{%- endtest %}

{% macro default__test_not_constant(model, column_name, group_by_columns=[]) -%}
select
    {{ dbt_utils.group_by_select_prefix(group_by_columns) }}count(distinct {{ column_name }}) as filler_column
from {{ model }}
{%- if group_by_columns %}
group by {{ group_by_columns | join(', ') }}
{%- endif %}
having count(distinct {{ column_name }}) = 1
{%- endmacro %}
