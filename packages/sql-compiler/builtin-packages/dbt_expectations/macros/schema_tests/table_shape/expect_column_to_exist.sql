{#-
  expect_column_to_exist(model, column_name, column_index=None, transform='upper'): fails when the
  relation has no such column (names compared after `transform`), or, with column_index (1-based),
  when it is not at that position (0 or none: any position, as in dbt_expectations).
-#}
{% test expect_column_to_exist(model, column_name, column_index=None, transform='upper') -%}
  {%- if execute -%}
    {%- set wanted = dbt_expectations.transform_name(column_name, transform) -%}
    {%- set names = dbt_expectations.get_column_list(model, transform) -%}
    {%- set problems = [] -%}
    {%- if wanted not in names -%}
      {%- do problems.append('column ' ~ column_name ~ ' does not exist in ' ~ model) -%}
    {%- elif column_index -%}
      {%- set position = [] -%}
      {%- for name in names -%}
        {%- if name == wanted and position | length == 0 -%}{%- do position.append(loop.index) -%}{%- endif -%}
      {%- endfor -%}
      {%- if position[0] != (column_index | int) -%}
        {%- do problems.append('column ' ~ column_name ~ ' is at position ' ~ position[0] ~ ', expected ' ~ column_index) -%}
      {%- endif -%}
    {%- endif -%}
    {{- dbt_expectations.failures_query(problems) -}}
  {%- endif -%}
{%- endtest %}
