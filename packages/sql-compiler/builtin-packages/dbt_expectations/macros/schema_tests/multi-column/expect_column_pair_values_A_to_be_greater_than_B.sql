{#- expect_column_pair_values_A_to_be_greater_than_B(model, column_A, column_B, or_equal=False, row_condition=None): rows where column_A is not greater than (or equal to) column_B. -#}
{% test expect_column_pair_values_A_to_be_greater_than_B(model, column_A, column_B, or_equal=False, row_condition=None) -%}
  {{- dbt_expectations.expression_is_true(model, column_A ~ ' >' ~ ('=' if or_equal else '') ~ ' ' ~ column_B, row_condition=row_condition) -}}
{%- endtest %}
