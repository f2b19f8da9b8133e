{#- expect_column_value_lengths_to_equal(model, column_name, value, row_condition=None): rows whose length is not `value`. -#}
{% test expect_column_value_lengths_to_equal(model, column_name, value, row_condition=None) -%}
  {{- dbt_expectations.expression_is_true(model, dbt.length(column_name) ~ ' = ' ~ value, row_condition=row_condition) -}}
{%- endtest %}
