{#- expect_table_columns_to_match_set(model, column_list, transform='upper'): the relation's columns must be exactly column_list, in any order. -#}
{% test expect_table_columns_to_match_set(model, column_list, transform='upper') -%}
  {{- dbt_expectations.column_set_check_query(model, column_list, transform, true, true) -}}
{%- endtest %}

{#- column_set_check_query: report listed columns that are missing (check_missing) and relation columns not listed (check_extra). -#}
{% macro column_set_check_query(model, column_list, transform, check_missing, check_extra) -%}
  {%- if not execute -%}
    {{- return('') -}}
  {%- endif -%}
  {%- set actual = dbt_expectations.get_column_list(model, transform) -%}
  {%- set expected = [] -%}
  {%- for name in column_list -%}{%- do expected.append(dbt_expectations.transform_name(name, transform)) -%}{%- endfor -%}
  {%- set problems = [] -%}
  {%- if check_missing -%}
    {%- for name in expected -%}
      {%- if name not in actual -%}{%- do problems.append('column ' ~ name ~ ' is missing') -%}{%- endif -%}
    {%- endfor -%}
  {%- endif -%}
  {%- if check_extra -%}
    {%- for name in actual -%}
      {%- if name not in expected -%}{%- do problems.append('column ' ~ name ~ ' is not in the expected list') -%}{%- endif -%}
    {%- endfor -%}
  {%- endif -%}
  {{- dbt_expectations.failures_query(problems) -}}
{%- endmacro %}
