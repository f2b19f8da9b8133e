{#- expect_column_distinct_values_to_contain_set(model, column_name, value_set, quote_values=True, row_condition=None): set values that never occur in the column. -#}
{% test expect_column_distinct_values_to_contain_set(model, column_name, value_set, quote_values=True, row_condition=None) -%}
  {{- dbt_expectations.distinct_values_vs_set_query(model, column_name, value_set, quote_values, row_condition, 'contain_set') -}}
{%- endtest %}
