{#- expect_table_row_count_to_equal(model, value, group_by=None, row_condition=None): fails unless count(*) (per group) equals value. -#}
{% test expect_table_row_count_to_equal(model, value, group_by=None, row_condition=None) -%}
  {{- dbt_expectations.expression_is_true(model, 'count(*) = ' ~ value, group_by_columns=group_by, row_condition=row_condition) -}}
{%- endtest %}
