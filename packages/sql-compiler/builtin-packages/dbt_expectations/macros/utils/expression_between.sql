{#-
  expression_between(model, expression, min_value=None, max_value=None, group_by_columns=None,
                     row_condition=None, strictly=False):
  expression_is_true with "expression >= min_value and expression <= max_value" (> / < when strictly).
-#}
{% macro expression_between(model, expression, min_value=None, max_value=None, group_by_columns=None, row_condition=None, strictly=False) -%}
  {%- if min_value is none and max_value is none -%}
    {{- exceptions.raise_compiler_error('dbt_expectations: give min_value, max_value or both') -}}
  {%- endif -%}
  {%- set or_equal = '' if strictly else '=' -%}
  {%- set checks = [] -%}
  {%- if min_value is not none -%}
    {%- do checks.append(expression ~ ' >' ~ or_equal ~ ' ' ~ min_value) -%}
  {%- endif -%}
  {%- if max_value is not none -%}
    {%- do checks.append(expression ~ ' <' ~ or_equal ~ ' ' ~ max_value) -%}
  {%- endif -%}
  {{- dbt_expectations.expression_is_true(model, '(' ~ (checks | join(' and ')) ~ ')', group_by_columns=group_by_columns, row_condition=row_condition) -}}
{%- endmacro %}
