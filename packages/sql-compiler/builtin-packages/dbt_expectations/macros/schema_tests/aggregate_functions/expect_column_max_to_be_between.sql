{#- expect_column_max_to_be_between(model, column_name, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False): fails when the column's maximum (per group) is out of range. -#}
{% test expect_column_max_to_be_between(model, column_name, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False) -%}
  {{- dbt_expectations.expression_between(model, 'max(' ~ column_name ~ ')', min_value, max_value, group_by, row_condition, strictly) -}}
{%- endtest %}
