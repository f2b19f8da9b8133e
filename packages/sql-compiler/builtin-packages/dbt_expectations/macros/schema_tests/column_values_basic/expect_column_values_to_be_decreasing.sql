{#- expect_column_values_to_be_decreasing(model, column_name, sort_column=None, strictly=True, row_condition=None, group_by=None, step=None): mirror of ..._to_be_increasing. -#}
{% test expect_column_values_to_be_decreasing(model, column_name, sort_column=None, strictly=True, row_condition=None, group_by=None, step=None) -%}
  {{- dbt_expectations.monotonic_values_query(model, column_name, sort_column, strictly, row_condition, group_by, step, 'decreasing') -}}
{%- endtest %}
