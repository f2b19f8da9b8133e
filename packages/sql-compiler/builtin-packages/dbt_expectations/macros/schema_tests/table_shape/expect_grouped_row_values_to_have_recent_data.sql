{#-
  expect_grouped_row_values_to_have_recent_data(model, group_by, timestamp_column, datepart, interval, row_condition=None):
  one failing row per group whose newest timestamp_column value is older than `interval` dateparts before now.
-#}
{% test expect_grouped_row_values_to_have_recent_data(model, group_by, timestamp_column, datepart, interval, row_condition=None) -%}
  {%- set now = dbt.current_timestamp() -%}
with latest_grouped_timestamps as (
    select
        {{ group_by | join(', ') }},
        max(cast({{ timestamp_column }} as {{ dbt.type_timestamp() }})) as latest_timestamp_column
    from {{ model }}
    where cast({{ timestamp_column }} as {{ dbt.type_timestamp() }}) <= {{ now }}
    {%- if row_condition %}
      and {{ row_condition }}
    {%- endif %}
    group by {{ group_by | join(', ') }}
)
select *
from latest_grouped_timestamps
where latest_timestamp_column < cast({{ dbt.dateadd(datepart, interval * -1, now) }} as {{ dbt.type_timestamp() }})
{%- endtest %}
