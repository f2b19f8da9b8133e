{#-
  equal_rowcount(model, compare_model, group_by_columns=[]): fails when the two relations have
  different row counts (per group). As in dbt_utils, the failure count is the row count difference
  (fail_calc sums diff_count), so warn_if / error_if can tolerate a small drift. Unlike dbt_utils, a
  group present in only one relation counts all its rows (dbt_utils' null join drops it).
-#}
{% test equal_rowcount(model, compare_model, group_by_columns=[]) -%}
  {{- adapter.dispatch('test_equal_rowcount', 'dbt_utils')(model, compare_model, group_by_columns) -}}
{%- endtest %}

{% macro default__test_equal_rowcount(model, compare_model, group_by_columns=[]) -%}
{#- Set at parse time; the filter below leaves no rows on success, hence the coalesce. -#}
{{- config(fail_calc = 'coalesce(sum(diff_count), 0)') -}}
{{ dbt_utils.compare_rowcounts_sql(model, compare_model, group_by_columns, 'count_a <> count_b') }}
{%- endmacro %}

{#-
  Row counts of two relations side by side (full outer join per group), filtered by
  `failure_condition`. diff_count is the absolute difference; row_count_delta is what
  fewer_rows_than charges (the excess, or 1 for a tie).
-#}
{% macro compare_rowcounts_sql(model, compare_model, group_by_columns, failure_condition) -%}
  {%- set group_by_columns = group_by_columns or [] -%}
with a as (
    select
        {{ dbt_utils.group_by_select_prefix(group_by_columns) }}1 as dbt_utils_join_key,
        count(*) as count_a
    from {{ model }}
    {%- if group_by_columns %}
    group by {{ group_by_columns | join(', ') }}
    {%- endif %}
),
b as (
    select
        {{ dbt_utils.group_by_select_prefix(group_by_columns) }}1 as dbt_utils_join_key,
        count(*) as count_b
    from {{ compare_model }}
    {%- if group_by_columns %}
    group by {{ group_by_columns | join(', ') }}
    {%- endif %}
),
counts as (
    select
        {%- for col in group_by_columns %}
        coalesce(a.{{ col }}, b.{{ col }}) as {{ col }},
        {%- endfor %}
        coalesce(a.count_a, 0) as count_a,
        coalesce(b.count_b, 0) as count_b
    from a
    full outer join b
        on a.dbt_utils_join_key = b.dbt_utils_join_key
        {%- for col in group_by_columns %}
        and a.{{ col }} = b.{{ col }}
        {%- endfor %}
),
final as (
    select
        *,
        abs(count_a - count_b) as diff_count,
        case when count_a > count_b then count_a - count_b when count_a = count_b then 1 else 0 end as row_count_delta
    from counts
)
select *
from final
where {{ failure_condition }}
{%- endmacro %}
