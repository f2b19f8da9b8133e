{#- expect_table_columns_to_not_contain_set(model, column_list, transform='upper'): none of the listed columns may exist. -#}
{% test expect_table_columns_to_not_contain_set(model, column_list, transform='upper') -%}
  {%- if execute -%}
    {%- set actual = dbt_expectations.get_column_list(model, transform) -%}
    {%- set problems = [] -%}
    {%- for name in column_list -%}
      {%- set wanted = dbt_expectations.transform_name(name, transform) -%}
      {%- if wanted in actual -%}{%- do problems.append('column ' ~ wanted ~ ' should not exist') -%}{%- endif -%}
    {%- endfor -%}
    {{- dbt_expectations.failures_query(problems) -}}
  {%- endif -%}
{%- endtest %}
