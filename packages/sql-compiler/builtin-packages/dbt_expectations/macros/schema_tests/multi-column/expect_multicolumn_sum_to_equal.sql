{#- expect_multicolumn_sum_to_equal(model, column_list, sum_total, group_by=None, row_condition=None): fails unless sum(c1) + sum(c2) + ... equals sum_total (per group). -#}
{% test expect_multicolumn_sum_to_equal(model, column_list, sum_total, group_by=None, row_condition=None) -%}
  {%- set sums = [] -%}
  {%- for col in column_list -%}
    {%- do sums.append('sum(' ~ col ~ ')') -%}
  {%- endfor -%}
  {{- dbt_expectations.expression_is_true(model, sums | join(' + '), '= ' ~ sum_total, group_by, row_condition) -}}
{%- endtest %}
