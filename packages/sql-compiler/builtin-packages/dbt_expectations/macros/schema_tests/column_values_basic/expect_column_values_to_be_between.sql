{#- expect_column_values_to_be_between(model, column_name, min_value=None, max_value=None, row_condition=None, strictly=False): rows outside the range (nulls pass). -#}
{% test expect_column_values_to_be_between(model, column_name, min_value=None, max_value=None, row_condition=None, strictly=False) -%}
  {{- dbt_expectations.expression_between(model, column_name, min_value, max_value, None, row_condition, strictly) -}}
{%- endtest %}
