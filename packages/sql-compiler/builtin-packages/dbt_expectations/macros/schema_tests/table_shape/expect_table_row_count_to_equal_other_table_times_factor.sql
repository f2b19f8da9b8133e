{#- expect_table_row_count_to_equal_other_table_times_factor(model, compare_model, factor, group_by=None, compare_group_by=None, row_condition=None, compare_row_condition=None). -#}
{% test expect_table_row_count_to_equal_other_table_times_factor(model, compare_model, factor, group_by=None, compare_group_by=None, row_condition=None, compare_row_condition=None) -%}
  {{- dbt_expectations.row_count_comparison_query(model, compare_model, group_by, compare_group_by, factor, row_condition, compare_row_condition) -}}
{%- endtest %}
