{#-
  date_spine(datepart, start_date, end_date): one row per datepart from start_date (inclusive) up to
  end_date (exclusive when aligned), in a column named date_<datepart>. Arguments are SQL
  expressions, e.g. "cast('2020-01-01' as date)".
  The default variant counts the periods with run_query; the Athena and DuckDB variants compute
  everything in SQL, so they need no warehouse round trip at compile time.
-#}
{% macro date_spine(datepart, start_date, end_date) -%}
  {{- adapter.dispatch('date_spine', 'dbt')(datepart, start_date, end_date) -}}
{%- endmacro %}

{% macro default__date_spine(datepart, start_date, end_date) -%}
{%- set n_periods = dbt.get_intervals_between(start_date, end_date, datepart) -%}
with rawdata as (
    {{ dbt.generate_series(n_periods if n_periods > 0 else 1) }}
),
all_periods as (
    select {{ dbt.dateadd(datepart, 'generated_number - 1', start_date) }} as date_{{ datepart }}
    from rawdata
    where generated_number <= {{ n_periods }}
),
filtered as (
    select *
    from all_periods
    where date_{{ datepart }} <= {{ end_date }}
)
select * from filtered
{%- endmacro %}

{#- Trino's sequence() is capped at 10,000 elements, so offsets are built as hi * 1000 + lo. -#}
{% macro athena__date_spine(datepart, start_date, end_date) -%}
with spine_bounds as (
    select {{ dbt.datediff(start_date, end_date, datepart) }} as n_periods
),
spine_offsets as (
    select
        hi.h * 1000 + lo.l as period_offset,
        spine_bounds.n_periods
    from spine_bounds
    cross join unnest(sequence(0, greatest(spine_bounds.n_periods, 0) / 1000)) as hi (h)
    cross join unnest(sequence(0, 999)) as lo (l)
),
all_periods as (
    select {{ dbt.dateadd(datepart, 'period_offset', start_date) }} as date_{{ datepart }}
    from spine_offsets
    where period_offset < n_periods
),
filtered as (
    select *
    from all_periods
    where date_{{ datepart }} <= {{ end_date }}
)
select * from filtered
{%- endmacro %}

{% macro duckdb__date_spine(datepart, start_date, end_date) -%}
with spine_bounds as (
    select {{ dbt.datediff(start_date, end_date, datepart) }} as n_periods
),
spine_offsets as (
    select unnest(range(greatest(n_periods, 0))) as period_offset
    from spine_bounds
),
all_periods as (
    select {{ dbt.dateadd(datepart, 'period_offset', start_date) }} as date_{{ datepart }}
    from spine_offsets
),
filtered as (
    select *
    from all_periods
    where date_{{ datepart }} <= {{ end_date }}
)
select * from filtered
{%- endmacro %}
