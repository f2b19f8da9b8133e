{#- expect_table_column_count_to_equal(model, value): fails unless the relation has exactly `value` columns. -#}
{% test expect_table_column_count_to_equal(model, value) -%}
  {%- if execute -%}
    {%- set n_columns = dbt_expectations.get_column_list(model) | length -%}
    {%- set problems = [] if n_columns == (value | int) else ['relation has ' ~ n_columns ~ ' columns, expected ' ~ value] -%}
    {{- dbt_expectations.failures_query(problems) -}}
  {%- endif -%}
{%- endtest %}
