{#- not_null_proportion(model, column_name, at_least, at_most=1.0, group_by_columns=[]): fails when the share of non-null values is outside [at_least, at_most]. -#}
{% test not_null_proportion(model, column_name, at_least, at_most=1.0, group_by_columns=[]) -%}
  {{- adapter.dispatch('test_not_null_proportion', 'dbt_utils')(model, column_name, at_least, at_most, group_by_columns) -}}
{%- endtest %}

{% macro default__test_not_null_proportion(model, column_name, at_least, at_most=1.0, group_by_columns=[]) -%}
with validation as (
    select
        {{ dbt_utils.group_by_select_prefix(group_by_columns) }}sum(case when {{ column_name }} is null then 0 else 1 end) / cast(nullif(count(*), 0) as {{ dbt.type_float() }}) as not_null_proportion
    from {{ model }}
    {%- if group_by_columns %}
    group by {{ group_by_columns | join(', ') }}
    {%- endif %}
),
validation_errors as (
    select
        {{ dbt_utils.group_by_select_prefix(group_by_columns) }}not_null_proportion
    from validation
    where not_null_proportion < {{ at_least }}
       or not_null_proportion > {{ at_most }}
)
select *
from validation_errors
{%- endmacro %}
