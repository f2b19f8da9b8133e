{#-
  expect_column_values_to_be_in_type_list(model, column_name, column_type_list): fails when the
  column's data type (from adapter.get_columns_in_relation, compared case-insensitively) is not
  in the list, or when the column does not exist.
-#}
{% test expect_column_values_to_be_in_type_list(model, column_name, column_type_list) -%}
  {{- dbt_expectations.column_type_check_query(model, column_name, column_type_list) -}}
{%- endtest %}

{#- column_type_check_query(model, column_name, column_type_list): helper; one failing row when the column is missing or its type is not listed. -#}
{% macro column_type_check_query(model, column_name, column_type_list) -%}
  {%- if not execute -%}
    {{- return('') -}}
  {%- endif -%}
  {%- set wanted_types = column_type_list | map('upper') | list -%}
  {%- set problems = [] -%}
  {%- set found = [] -%}
  {%- for col in adapter.get_columns_in_relation(model) -%}
    {%- if (col.column | upper) == (column_name | upper) -%}
      {%- do found.append(col) -%}
      {%- set actual = (col.dtype or '') | upper -%}
      {%- if actual not in wanted_types -%}
        {%- do problems.append('column ' ~ column_name ~ ' has type ' ~ (actual or 'unknown') ~ ', expected ' ~ (wanted_types | join(' or '))) -%}
      {%- endif -%}
    {%- endif -%}
  {%- endfor -%}
  {%- if found | length == 0 -%}
    {%- do problems.append('column ' ~ column_name ~ ' does not exist in ' ~ model) -%}
  {%- endif -%}
  {{- dbt_expectations.failures_query(problems) -}}
{%- endmacro %}
