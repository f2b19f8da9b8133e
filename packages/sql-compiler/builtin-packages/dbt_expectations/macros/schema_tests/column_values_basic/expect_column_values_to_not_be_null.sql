{#- expect_column_values_to_not_be_null(model, column_name, row_condition=None): rows where the column is null. -#}
{% test expect_column_values_to_not_be_null(model, column_name, row_condition=None) -%}
  {{- dbt_expectations.expression_is_true(model, column_name ~ ' is not null', row_condition=row_condition) -}}
{%- endtest %}
