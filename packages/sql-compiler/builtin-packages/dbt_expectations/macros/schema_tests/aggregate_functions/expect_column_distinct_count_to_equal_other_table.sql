{#-
  expect_column_distinct_count_to_equal_other_table(model, column_name, compare_model, compare_column_name,
                                                    row_condition=None, compare_row_condition=None):
  fails when the two columns have different numbers of distinct values.
-#}
{% test expect_column_distinct_count_to_equal_other_table(model, column_name, compare_model, compare_column_name, row_condition=None, compare_row_condition=None) -%}
with a as (
    select count(distinct {{ column_name }}) as distinct_count
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
),
b as (
    select count(distinct {{ compare_column_name }}) as distinct_count
    from {{ compare_model }}
    {%- if compare_row_condition %}
    where {{ compare_row_condition }}
    {%- endif %}
)
select
    a.distinct_count as distinct_count_a,
    b.distinct_count as distinct_count_b
from a
cross join b
where a.distinct_count <> b.distinct_count
{%- endtest %}
