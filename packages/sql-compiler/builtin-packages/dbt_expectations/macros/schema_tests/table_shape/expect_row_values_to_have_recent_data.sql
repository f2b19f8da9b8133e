{#-
  expect_row_values_to_have_recent_data(model, column_name, datepart, interval, row_condition=None):
  fails when the newest value of the column (ignoring values in the future) is older than
  `interval` dateparts before now, or when there is none.
-#}
{% test expect_row_values_to_have_recent_data(model, column_name, datepart, interval, row_condition=None) -%}
  {%- set now = dbt.current_timestamp() -%}
with max_recency as (
    select
        max(cast({{ column_name }} as {{ dbt.type_timestamp() }})) as max_timestamp
    from {{ model }}
    where cast({{ column_name }} as {{ dbt.type_timestamp() }}) <= {{ now }}
    {%- if row_condition %}
      and {{ row_condition }}
    {%- endif %}
)
select *
from max_recency
where max_timestamp is null
   or max_timestamp < cast({{ dbt.dateadd(datepart, interval * -1, now) }} as {{ dbt.type_timestamp() }})
{%- endtest %}
