{#-
  expect_column_values_to_match_regex_list(model, column_name, regex_list, match_on='any',
                                           row_condition=None, is_raw=False, flags=''):
  rows matching none ('any') / not all ('all') of the regexes.
-#}
{% test expect_column_values_to_match_regex_list(model, column_name, regex_list, match_on='any', row_condition=None, is_raw=False, flags='') -%}
  {%- set checks = [] -%}
  {%- for regex in regex_list -%}
    {%- do checks.append(dbt_expectations.regexp_matches(column_name, regex, is_raw, flags)) -%}
  {%- endfor -%}
  {{- dbt_expectations.expression_is_true(model, '(' ~ (checks | join(dbt_expectations.list_joiner(match_on))) ~ ')', row_condition=row_condition) -}}
{%- endtest %}

{#- list_joiner(match_on): ' or ' for 'any', ' and ' for 'all'. -#}
{% macro list_joiner(match_on) -%}
  {%- if match_on == 'any' -%}
    {{- return(' or ') -}}
  {%- elif match_on == 'all' -%}
    {{- return(' and ') -}}
  {%- else -%}
    {{- exceptions.raise_compiler_error("match_on must be 'any' or 'all', got '" ~ match_on ~ "'") -}}
  {%- endif -%}
{%- endmacro %}
