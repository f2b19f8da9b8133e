{#-
  expect_column_values_to_be_increasing(model, column_name, sort_column=None, strictly=True,
                                        row_condition=None, group_by=None, step=None):
  rows (ordered by sort_column, default the column itself, per group) whose value is not greater
  (or equal, when not strictly) than the previous one; with step, the difference must equal step.
-#}
{% test expect_column_values_to_be_increasing(model, column_name, sort_column=None, strictly=True, row_condition=None, group_by=None, step=None) -%}
  {{- dbt_expectations.monotonic_values_query(model, column_name, sort_column, strictly, row_condition, group_by, step, 'increasing') -}}
{%- endtest %}

{#- monotonic_values_query(model, column_name, sort_column, strictly, row_condition, group_by, step, direction): helper for the increasing/decreasing expectations. -#}
{% macro monotonic_values_query(model, column_name, sort_column, strictly, row_condition, group_by, step, direction) -%}
  {%- set sort_column = sort_column if sort_column else column_name -%}
  {%- if direction == 'increasing' -%}
    {%- set operator = '>' if strictly else '>=' -%}
  {%- else -%}
    {%- set operator = '<' if strictly else '<=' -%}
  {%- endif -%}
  {%- set group_by = group_by or [] -%}
with all_values as (
    select
        {{ sort_column }} as sort_column,
        {%- for col in group_by %}
        {{ col }},
        {%- endfor %}
        {{ column_name }} as value_field
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
),
add_lag_values as (
    select
        *,
        lag(value_field) over (
            {%- if group_by %}
            partition by {{ group_by | join(', ') }}
            {%- endif %}
            order by sort_column
        ) as value_field_lag
    from all_values
),
validation_errors as (
    select *
    from add_lag_values
    where value_field_lag is not null
      and not (
        (value_field {{ operator }} value_field_lag)
        {%- if step %}
        and abs(value_field - value_field_lag) = {{ step }}
        {%- endif %}
      )
)
select *
from validation_errors
{%- endmacro %}
