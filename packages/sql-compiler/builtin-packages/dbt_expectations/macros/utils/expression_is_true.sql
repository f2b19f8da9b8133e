{#-
  expression_is_true(model, expression, test_condition="= true", group_by_columns=None, row_condition=None):
  the core of most expectations. Evaluates `expression` per row (or per group / for the whole table
  when it is an aggregate) over the rows matching row_condition and returns those where
  `expression <test_condition>` does not hold. Rows where the expression is null pass.
  Also available as a generic test of the same name.
-#}
{% test expression_is_true(model, expression, test_condition="= true", group_by_columns=None, row_condition=None) -%}
  {{- dbt_expectations.expression_is_true(model, expression, test_condition, group_by_columns, row_condition) -}}
{%- endtest %}

{#- expression_is_true(model, expression, test_condition="= true", group_by_columns=None, row_condition=None): the macro behind the test above. -#}
{% macro expression_is_true(model, expression, test_condition="= true", group_by_columns=None, row_condition=None) -%}
  {{- adapter.dispatch('expression_is_true', 'dbt_expectations')(model, expression, test_condition, group_by_columns, row_condition) -}}
{%- endmacro %}

{% macro default__expression_is_true(model, expression, test_condition, group_by_columns, row_condition) -%}
with grouped_expression as (
    select
        {%- for col in (group_by_columns or []) %}
        {{ col }} as col_{{ loop.index }},
        {%- endfor %}
        {{ expression }} as expression
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
    {%- if group_by_columns %}
    group by {{ group_by_columns | join(', ') }}
    {%- endif %}
),
validation_errors as (
    select *
    from grouped_expression
    where not(expression {{ test_condition }})
)
select *
from validation_errors
{%- endmacro %}
