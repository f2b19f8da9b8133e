{#- expect_table_columns_to_contain_set(model, column_list, transform='upper'): every listed column must exist. -#}
{% test expect_table_columns_to_contain_set(model, column_list, transform='upper') -%}
  {{- dbt_expectations.column_set_check_query(model, column_list, transform, true, false) -}}
{%- endtest %}
