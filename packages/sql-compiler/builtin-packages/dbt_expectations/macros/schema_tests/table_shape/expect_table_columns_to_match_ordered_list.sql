{#- expect_table_columns_to_match_ordered_list(model, column_list, transform='upper'): the relation's columns must be exactly column_list, in order. -#}
{% test expect_table_columns_to_match_ordered_list(model, column_list, transform='upper') -%}
  {%- if execute -%}
    {%- set actual = dbt_expectations.get_column_list(model, transform) -%}
    {%- set expected = [] -%}
    {%- for name in column_list -%}{%- do expected.append(dbt_expectations.transform_name(name, transform)) -%}{%- endfor -%}
    {%- set problems = [] -%}
    {%- set n = [actual | length, expected | length] | max -%}
    {%- for i in range(n) -%}
      {%- set a = actual[i] if i < actual | length else '(none)' -%}
      {%- set e = expected[i] if i < expected | length else '(none)' -%}
      {%- if a != e -%}
        {%- do problems.append('position ' ~ (i + 1) ~ ': found ' ~ a ~ ', expected ' ~ e) -%}
      {%- endif -%}
    {%- endfor -%}
    {{- dbt_expectations.failures_query(problems) -}}
  {%- endif -%}
{%- endtest %}
