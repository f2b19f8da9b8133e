{#- expect_table_row_count_to_be_between(model, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False): fails when count(*) (per group) is out of range. -#}
{% test expect_table_row_count_to_be_between(model, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False) -%}
  {{- dbt_expectations.expression_between(model, 'count(*)', min_value, max_value, group_by, row_condition, strictly) -}}
{%- endtest %}
