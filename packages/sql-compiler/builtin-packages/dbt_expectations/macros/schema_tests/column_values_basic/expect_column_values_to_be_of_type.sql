{#- expect_column_values_to_be_of_type(model, column_name, column_type): the column's data type must be column_type (case-insensitive). -#}
{% test expect_column_values_to_be_of_type(model, column_name, column_type) -%}
  {{- dbt_expectations.column_type_check_query(model, column_name, [column_type]) -}}
{%- endtest %}
