{#- expect_table_column_count_to_be_between(model, min_value=None, max_value=None): fails when the number of columns is out of range (inclusive). -#}
{% test expect_table_column_count_to_be_between(model, min_value=None, max_value=None) -%}
  {%- if min_value is none and max_value is none -%}
    {{- exceptions.raise_compiler_error('expect_table_column_count_to_be_between: give min_value, max_value or both') -}}
  {%- endif -%}
  {%- if execute -%}
    {%- set n_columns = dbt_expectations.get_column_list(model) | length -%}
    {%- set problems = [] -%}
    {%- if (min_value is not none and n_columns < min_value) or (max_value is not none and n_columns > max_value) -%}
      {%- do problems.append('relation has ' ~ n_columns ~ ' columns, expected between ' ~ min_value ~ ' and ' ~ max_value) -%}
    {%- endif -%}
    {{- dbt_expectations.failures_query(problems) -}}
  {%- endif -%}
{%- endtest %}
