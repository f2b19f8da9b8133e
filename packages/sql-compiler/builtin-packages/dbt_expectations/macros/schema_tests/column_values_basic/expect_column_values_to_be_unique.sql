{#- expect_column_values_to_be_unique(model, column_name, row_condition=None): one row per duplicated non-null value. -#}
{% test expect_column_values_to_be_unique(model, column_name, row_condition=None) -%}
  {{- dbt_expectations.compound_columns_unique_query(model, [column_name], False, 'all_values_are_missing', row_condition) -}}
{%- endtest %}
