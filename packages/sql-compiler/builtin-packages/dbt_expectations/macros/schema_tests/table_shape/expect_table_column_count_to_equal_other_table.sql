{#- expect_table_column_count_to_equal_other_table(model, compare_model): fails when the two relations have different numbers of columns. -#}
{% test expect_table_column_count_to_equal_other_table(model, compare_model) -%}
  {%- if execute -%}
    {%- set n_a = dbt_expectations.get_column_list(model) | length -%}
    {%- set n_b = dbt_expectations.get_column_list(compare_model) | length -%}
    {%- set problems = [] if n_a == n_b else ['relation has ' ~ n_a ~ ' columns, ' ~ compare_model ~ ' has ' ~ n_b] -%}
    {{- dbt_expectations.failures_query(problems) -}}
  {%- endif -%}
{%- endtest %}
