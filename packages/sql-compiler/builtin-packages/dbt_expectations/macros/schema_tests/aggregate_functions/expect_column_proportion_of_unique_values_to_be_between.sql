{#- expect_column_proportion_of_unique_values_to_be_between(model, column_name, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False): fails when distinct values / non-null values (per group) is out of range. -#}
{% test expect_column_proportion_of_unique_values_to_be_between(model, column_name, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False) -%}
  {{- dbt_expectations.expression_between(model, 'cast(count(distinct ' ~ column_name ~ ') as ' ~ dbt.type_float() ~ ') / nullif(count(' ~ column_name ~ '), 0)', min_value, max_value, group_by, row_condition, strictly) -}}
{%- endtest %}
