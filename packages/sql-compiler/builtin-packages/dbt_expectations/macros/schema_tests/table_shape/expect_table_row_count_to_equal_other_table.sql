{#-
  expect_table_row_count_to_equal_other_table(model, compare_model, group_by=None, compare_group_by=None,
                                              factor=1, row_condition=None, compare_row_condition=None):
  fails when count(model) <> count(compare_model) * factor (matched per group when group_by is given;
  compare_group_by defaults to group_by).
-#}
{% test expect_table_row_count_to_equal_other_table(model, compare_model, group_by=None, compare_group_by=None, factor=1, row_condition=None, compare_row_condition=None) -%}
  {{- dbt_expectations.row_count_comparison_query(model, compare_model, group_by, compare_group_by, factor, row_condition, compare_row_condition) -}}
{%- endtest %}

{#- row_count_comparison_query(model, compare_model, group_by, compare_group_by, factor, row_condition, compare_row_condition): helper; groups whose counts differ. -#}
{% macro row_count_comparison_query(model, compare_model, group_by, compare_group_by, factor, row_condition, compare_row_condition) -%}
  {%- set group_by = group_by or [] -%}
  {%- set compare_group_by = compare_group_by or group_by -%}
  {%- if group_by | length != compare_group_by | length -%}
    {{- exceptions.raise_compiler_error('group_by and compare_group_by must list the same number of columns') -}}
  {%- endif -%}
with a as (
    select
        {%- for col in group_by %}
        {{ col }} as col_{{ loop.index }},
        {%- endfor %}
        count(*) as expression
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
    {%- if group_by %}
    group by {{ group_by | join(', ') }}
    {%- endif %}
),
b as (
    select
        {%- for col in compare_group_by %}
        {{ col }} as col_{{ loop.index }},
        {%- endfor %}
        count(*) * {{ factor }} as expression
    from {{ compare_model }}
    {%- if compare_row_condition %}
    where {{ compare_row_condition }}
    {%- endif %}
    {%- if compare_group_by %}
    group by {{ compare_group_by | join(', ') }}
    {%- endif %}
),
final as (
    select
        {%- for col in group_by %}
        coalesce(a.col_{{ loop.index }}, b.col_{{ loop.index }}) as col_{{ loop.index }},
        {%- endfor %}
        a.expression,
        b.expression as compare_expression,
        abs(coalesce(a.expression, 0) - coalesce(b.expression, 0)) as expression_difference
    from a
    full outer join b
        on 1 = 1
        {%- for col in group_by %}
        and a.col_{{ loop.index }} = b.col_{{ loop.index }}
        {%- endfor %}
)
select *
from final
where expression_difference > 0
{%- endmacro %}
