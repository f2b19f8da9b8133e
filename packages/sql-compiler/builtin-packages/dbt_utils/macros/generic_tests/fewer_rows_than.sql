{#-
  fewer_rows_than(model, compare_model, group_by_columns=[]): fails unless model has strictly fewer
  rows than compare_model (per group). As in dbt_utils, the failure count is the excess rows, or 1
  for a tie (fail_calc sums row_count_delta).
-#}
{% test fewer_rows_than(model, compare_model, group_by_columns=[]) -%}
  {{- adapter.dispatch('test_fewer_rows_than', 'dbt_utils')(model, compare_model, group_by_columns) -}}
{%- endtest %}

{% macro default__test_fewer_rows_than(model, compare_model, group_by_columns=[]) -%}
{#- Set at parse time; the filter leaves no rows on success, hence the coalesce. -#}
{{- config(fail_calc = 'coalesce(sum(row_count_delta), 0)') -}}
{{ dbt_utils.compare_rowcounts_sql(model, compare_model, group_by_columns, 'count_a >= count_b') }}
{%- endmacro %}
