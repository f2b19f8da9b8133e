{#-
  mutually_exclusive_ranges(model, lower_bound_column, upper_bound_column, partition_by=None,
                            gaps='allowed', zero_length_range_allowed=False):
  fails for ranges that overlap the next range in their partition, or that break the gap rule
  (gaps: 'allowed', 'not_allowed' = ranges must be contiguous, 'required' = must not touch),
  or whose lower bound is not below the upper bound (equal allowed with zero_length_range_allowed).
-#}
{% test mutually_exclusive_ranges(model, lower_bound_column, upper_bound_column, partition_by=None, gaps='allowed', zero_length_range_allowed=False) -%}
  {{- adapter.dispatch('test_mutually_exclusive_ranges', 'dbt_utils')(model, lower_bound_column, upper_bound_column, partition_by, gaps, zero_length_range_allowed) -}}
{%- endtest %}

{% macro default__test_mutually_exclusive_ranges(model, lower_bound_column, upper_bound_column, partition_by=None, gaps='allowed', zero_length_range_allowed=False) -%}
  {%- if gaps == 'not_allowed' -%}
    {%- set next_op = '=' -%}
  {%- elif gaps == 'allowed' -%}
    {%- set next_op = '<=' -%}
  {%- elif gaps == 'required' -%}
    {%- set next_op = '<' -%}
  {%- else -%}
    {{- exceptions.raise_compiler_error("dbt_utils.mutually_exclusive_ranges: gaps must be 'allowed', 'not_allowed' or 'required', got '" ~ gaps ~ "'") -}}
  {%- endif -%}
  {%- set bound_op = '<=' if zero_length_range_allowed else '<' -%}
  {%- set partition_clause = 'partition by ' ~ partition_by if partition_by else '' -%}
with window_functions as (
    select
        {%- if partition_by %}
        {{ partition_by }},
        {%- endif %}
        {{ lower_bound_column }} as lower_bound,
        {{ upper_bound_column }} as upper_bound,
        lead({{ lower_bound_column }}) over (
            {{ partition_clause }}
            order by {{ lower_bound_column }}, {{ upper_bound_column }}
        ) as next_lower_bound,
        row_number() over (
            {{ partition_clause }}
            order by {{ lower_bound_column }} desc, {{ upper_bound_column }} desc
        ) = 1 as is_last_record
    from {{ model }}
),
calc as (
    select
        *,
        coalesce(lower_bound {{ bound_op }} upper_bound, false) as lower_bound_ok,
        coalesce(upper_bound {{ next_op }} next_lower_bound, is_last_record, false) as upper_bound_ok
    from window_functions
),
validation_errors as (
    select *
    from calc
    where not(lower_bound_ok and upper_bound_ok)
)
select *
from validation_errors
{%- endmacro %}
