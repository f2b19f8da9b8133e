{#- fewer_rows_than(model, compare_model, group_by_columns=[]): fails unless model has strictly fewer rows than compare_model (per group). -#}
{% test fewer_rows_than(model, compare_model, group_by_columns=[]) -%}
  {{- adapter.dispatch('test_fewer_rows_than', 'dbt_utils')(model, compare_model, group_by_columns) -}}
{%- endtest %}

{% macro default__test_fewer_rows_than(model, compare_model, group_by_columns=[]) -%}
{{ dbt_utils.compare_rowcounts_sql(model, compare_model, group_by_columns, 'count_a >= count_b') }}
{%- endmacro %}
