{#-
  ignore_row_if_expression(ignore_row_if, columns): the filter keeping the rows a multi-column
  expectation looks at. 'all_values_are_missing' drops rows where every column is null,
  'any_value_is_missing' drops rows where any column is null.
-#}
{% macro ignore_row_if_expression(ignore_row_if, columns) -%}
  {%- if ignore_row_if == 'all_values_are_missing' -%}
    {%- set joiner = ' or ' -%}
  {%- elif ignore_row_if == 'any_value_is_missing' -%}
    {%- set joiner = ' and ' -%}
  {%- else -%}
    {{- exceptions.raise_compiler_error("ignore_row_if must be 'all_values_are_missing' or 'any_value_is_missing', got '" ~ ignore_row_if ~ "'") -}}
  {%- endif -%}
  {%- set checks = [] -%}
  {%- for col in columns -%}
    {%- do checks.append(col ~ ' is not null') -%}
  {%- endfor -%}
({{ checks | join(joiner) }})
{%- endmacro %}
