{#- expect_column_values_to_not_match_regex_list(model, column_name, regex_list, match_on='any', row_condition=None, is_raw=False, flags=''): rows matching any ('any') / all ('all') of the regexes. -#}
{% test expect_column_values_to_not_match_regex_list(model, column_name, regex_list, match_on='any', row_condition=None, is_raw=False, flags='') -%}
  {%- set checks = [] -%}
  {%- for regex in regex_list -%}
    {%- do checks.append(dbt_expectations.regexp_matches(column_name, regex, is_raw, flags)) -%}
  {%- endfor -%}
  {{- dbt_expectations.expression_is_true(model, 'not (' ~ (checks | join(dbt_expectations.list_joiner(match_on))) ~ ')', row_condition=row_condition) -}}
{%- endtest %}
