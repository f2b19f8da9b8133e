{#- expect_column_quantile_values_to_be_between(model, column_name, quantile, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False): fails when the quantile (approximate on Athena) is out of range. -#}
{% test expect_column_quantile_values_to_be_between(model, column_name, quantile, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False) -%}
  {{- dbt_expectations.expression_between(model, dbt_expectations.percentile_cont(column_name, quantile), min_value, max_value, group_by, row_condition, strictly) -}}
{%- endtest %}
