{#- expect_column_values_to_not_match_regex(model, column_name, regex, row_condition=None, is_raw=False, flags=''): rows the regex matches. -#}
{% test expect_column_values_to_not_match_regex(model, column_name, regex, row_condition=None, is_raw=False, flags='') -%}
  {{- dbt_expectations.expression_is_true(model, 'not ' ~ dbt_expectations.regexp_matches(column_name, regex, is_raw, flags), row_condition=row_condition) -}}
{%- endtest %}
