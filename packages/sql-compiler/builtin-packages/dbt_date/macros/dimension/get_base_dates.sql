{#-
  get_base_dates(start_date=None, end_date=None, n_dateparts=None, datepart='day'):
  a query with one column date_<datepart> (timestamp), either from start_date up to but excluding
  end_date (both 'YYYY-MM-DD' strings), or covering the last n_dateparts dateparts up to and
  including today.
-#}
{% macro get_base_dates(start_date=None, end_date=None, n_dateparts=None, datepart='day') -%}
  {{- adapter.dispatch('get_base_dates', 'dbt_date')(start_date, end_date, n_dateparts, datepart) -}}
{%- endmacro %}

{% macro default__get_base_dates(start_date, end_date, n_dateparts, datepart) -%}
  {%- if start_date and end_date -%}
    {%- set spine_start = "cast('" ~ start_date ~ "' as " ~ dbt.type_timestamp() ~ ")" -%}
    {%- set spine_end = "cast('" ~ end_date ~ "' as " ~ dbt.type_timestamp() ~ ")" -%}
  {%- elif n_dateparts and datepart -%}
    {%- set today_ts = "cast(" ~ dbt_date.today() ~ " as " ~ dbt.type_timestamp() ~ ")" -%}
    {%- set spine_start = "cast(" ~ dbt.dateadd(datepart, -1 * (n_dateparts | int), today_ts) ~ " as " ~ dbt.type_timestamp() ~ ")" -%}
    {%- set spine_end = "cast(" ~ dbt.dateadd('day', 1, today_ts) ~ " as " ~ dbt.type_timestamp() ~ ")" -%}
  {%- else -%}
    {{- exceptions.raise_compiler_error('get_base_dates: give start_date and end_date, or n_dateparts and datepart') -}}
  {%- endif -%}
with date_spine as (
    {{ dbt.date_spine(datepart, spine_start, spine_end) | indent(4) }}
)
select
    cast(d.date_{{ datepart }} as {{ dbt.type_timestamp() }}) as date_{{ datepart }}
from date_spine as d
{%- endmacro %}
