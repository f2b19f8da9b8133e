{#- expect_column_values_to_match_like_pattern(model, column_name, like_pattern, row_condition=None): rows not LIKE the pattern. -#}
{% test expect_column_values_to_match_like_pattern(model, column_name, like_pattern, row_condition=None) -%}
  {{- dbt_expectations.expression_is_true(model, column_name ~ " like '" ~ like_pattern ~ "'", row_condition=row_condition) -}}
{%- endtest %}
