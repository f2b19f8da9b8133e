{#- expect_column_values_to_not_match_like_pattern_list(model, column_name, like_pattern_list, match_on='any', row_condition=None): rows LIKE any ('any') / all ('all') of the patterns. -#}
{% test expect_column_values_to_not_match_like_pattern_list(model, column_name, like_pattern_list, match_on='any', row_condition=None) -%}
  {%- set checks = [] -%}
  {%- for pattern in like_pattern_list -%}
    {%- do checks.append(column_name ~ " like '" ~ pattern ~ "'") -%}
  {%- endfor -%}
  {{- dbt_expectations.expression_is_true(model, 'not (' ~ (checks | join(dbt_expectations.list_joiner(match_on))) ~ ')', row_condition=row_condition) -}}
{%- endtest %}
