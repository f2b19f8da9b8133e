{#-
  equality(model, compare_model, compare_columns=None, exclude_columns=None, precision=None):
  rows present in one relation but not the other (set difference both ways), over compare_columns,
  or all columns minus exclude_columns, or `*`. With precision, numeric columns are rounded first
  (needs known column types). As in dbt_utils, the failure count is the differing rows plus the
  imbalance between the two sides (fail_calc), so one changed row counts 2.
-#}
{% test equality(model, compare_model, compare_columns=None, exclude_columns=None, precision=None) -%}
  {{- adapter.dispatch('test_equality', 'dbt_utils')(model, compare_model, compare_columns, exclude_columns, precision) -}}
{%- endtest %}

{% macro default__test_equality(model, compare_model, compare_columns=None, exclude_columns=None, precision=None) -%}
  {#- Set at parse time, like dbt_utils, before anything needs the warehouse. -#}
  {{- config(fail_calc = "count(*) + coalesce(abs(sum(case when which_diff = 'a_minus_b' then 1 else 0 end) - sum(case when which_diff = 'b_minus_a' then 1 else 0 end)), 0)") -}}
  {%- if compare_columns and exclude_columns -%}
    {{- exceptions.raise_compiler_error('dbt_utils.equality: give either compare_columns or exclude_columns, not both') -}}
  {%- endif -%}
  {%- set known = adapter.get_columns_in_relation(model) if execute and model is not string else [] -%}
  {%- set select_items = [] -%}
  {%- if compare_columns -%}
    {%- for name in compare_columns -%}
      {%- set found_types = [] -%}
      {%- for col in known -%}
        {%- if (col.column | lower) == (name | lower) -%}{%- do found_types.append(col.data_type) -%}{%- endif -%}
      {%- endfor -%}
      {%- do select_items.append({'name': name, 'type': found_types[0] if found_types else none}) -%}
    {%- endfor -%}
  {%- elif exclude_columns or precision is not none -%}
    {%- set excluded = (exclude_columns or []) | map('lower') | list -%}
    {%- for col in known -%}
      {%- if (col.column | lower) not in excluded -%}
        {%- do select_items.append({'name': col.column, 'type': col.data_type}) -%}
      {%- endif -%}
    {%- endfor -%}
    {%- if execute and select_items | length == 0 -%}
      {{- exceptions.raise_compiler_error('dbt_utils.equality: exclude_columns/precision need the columns of ' ~ model ~ ' (declare them in schema YAML)') -}}
    {%- endif -%}
  {%- endif -%}
  {%- set rendered = [] -%}
  {%- for item in select_items -%}
    {%- set type_name = (item['type'] or '') | lower -%}
    {%- set is_numeric = 'decimal' in type_name or 'numeric' in type_name or 'double' in type_name or 'float' in type_name or 'real' in type_name -%}
    {%- if precision is not none and is_numeric -%}
      {%- do rendered.append('round(' ~ item['name'] ~ ', ' ~ precision ~ ') as ' ~ item['name']) -%}
    {%- else -%}
      {%- do rendered.append(item['name']) -%}
    {%- endif -%}
  {%- endfor -%}
  {%- set column_list = rendered | join(', ') if rendered else '*' -%}
with a as (
    select {{ column_list }} from {{ model }}
),
b as (
    select {{ column_list }} from {{ compare_model }}
),
a_minus_b as (
    select * from a
    {{ dbt.except() }}
    select * from b
),
b_minus_a as (
    select * from b
    {{ dbt.except() }}
    select * from a
),
unioned as (
    select 'a_minus_b' as which_diff, a_minus_b.* from a_minus_b
    union all
    select 'b_minus_a' as which_diff, b_minus_a.* from b_minus_a
)
select *
from unioned
{%- endmacro %}
