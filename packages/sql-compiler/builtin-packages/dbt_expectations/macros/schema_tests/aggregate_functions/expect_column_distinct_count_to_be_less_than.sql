{#- expect_column_distinct_count_to_be_less_than(model, column_name, value, quote_values=False, group_by=None, row_condition=None): fails unless count(distinct column) < value (per group). -#}
{% test expect_column_distinct_count_to_be_less_than(model, column_name, value, quote_values=False, group_by=None, row_condition=None) -%}
  {{- dbt_expectations.expression_is_true(model, 'count(distinct ' ~ column_name ~ ') < ' ~ value, group_by_columns=group_by, row_condition=row_condition) -}}
{%- endtest %}
