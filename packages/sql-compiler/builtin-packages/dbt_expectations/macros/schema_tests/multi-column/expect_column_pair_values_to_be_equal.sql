{#- expect_column_pair_values_to_be_equal(model, column_A, column_B, row_condition=None): rows where the two columns differ. -#}
{% test expect_column_pair_values_to_be_equal(model, column_A, column_B, row_condition=None) -%}
  {{- dbt_expectations.expression_is_true(model, column_A ~ ' = ' ~ column_B, row_condition=row_condition) -}}
{%- endtest %}
