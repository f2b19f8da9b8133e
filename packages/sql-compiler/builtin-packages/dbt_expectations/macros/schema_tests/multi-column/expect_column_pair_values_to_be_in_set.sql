{#- expect_column_pair_values_to_be_in_set(model, column_A, column_B, value_pairs_set, row_condition=None): rows whose (A, B) pair is not one of value_pairs_set (pairs are quoted as strings). -#}
{% test expect_column_pair_values_to_be_in_set(model, column_A, column_B, value_pairs_set, row_condition=None) -%}
  {%- set pairs = [] -%}
  {%- for pair in value_pairs_set -%}
    {%- do pairs.append('(' ~ column_A ~ " = '" ~ pair[0] ~ "' and " ~ column_B ~ " = '" ~ pair[1] ~ "')") -%}
  {%- endfor -%}
  {{- dbt_expectations.expression_is_true(model, '(' ~ (pairs | join(' or ')) ~ ')', row_condition=row_condition) -}}
{%- endtest %}
