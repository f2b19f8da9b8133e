{#- expect_column_value_lengths_to_be_between(model, column_name, min_value=None, max_value=None, row_condition=None, strictly=False): rows whose length is out of range. -#}
{% test expect_column_value_lengths_to_be_between(model, column_name, min_value=None, max_value=None, row_condition=None, strictly=False) -%}
  {{- dbt_expectations.expression_between(model, dbt.length(column_name), min_value, max_value, None, row_condition, strictly) -}}
{%- endtest %}
