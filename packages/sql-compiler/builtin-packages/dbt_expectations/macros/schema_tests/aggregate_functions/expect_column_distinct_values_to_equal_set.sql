{#- expect_column_distinct_values_to_equal_set(model, column_name, value_set, quote_values=True, row_condition=None): values in the column but not the set, and in the set but not the column. -#}
{% test expect_column_distinct_values_to_equal_set(model, column_name, value_set, quote_values=True, row_condition=None) -%}
  {{- dbt_expectations.distinct_values_vs_set_query(model, column_name, value_set, quote_values, row_condition, 'equal_set') -}}
{%- endtest %}
