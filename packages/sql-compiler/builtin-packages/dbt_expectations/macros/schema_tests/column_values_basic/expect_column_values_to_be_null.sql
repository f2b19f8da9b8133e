{#- expect_column_values_to_be_null(model, column_name, row_condition=None): rows where the column is not null. -#}
{% test expect_column_values_to_be_null(model, column_name, row_condition=None) -%}
  {{- dbt_expectations.expression_is_true(model, column_name ~ ' is null', row_condition=row_condition) -}}
{%- endtest %}
