{#-
  recency(model, field, datepart, interval, ignore_time_component=False, group_by_columns=[]):
  fails when the newest `field` value (per group) is older than `interval` dateparts before now,
  or when there is no value at all.
-#}
{% test recency(model, field, datepart, interval, ignore_time_component=False, group_by_columns=[]) -%}
  {{- adapter.dispatch('test_recency', 'dbt_utils')(model, field, datepart, interval, ignore_time_component, group_by_columns) -}}
{%- endtest %}

{% macro default__test_recency(model, field, datepart, interval, ignore_time_component=False, group_by_columns=[]) -%}
  {%- set threshold_type = 'date' if ignore_time_component else dbt.type_timestamp() -%}
  {%- set threshold = 'cast(' ~ dbt.dateadd(datepart, interval * -1, dbt.current_timestamp()) ~ ' as ' ~ threshold_type ~ ')' -%}
with recency as (
    select
        {{ dbt_utils.group_by_select_prefix(group_by_columns) }}
        {%- if ignore_time_component -%}
        cast(max({{ field }}) as date)
        {%- else -%}
        cast(max({{ field }}) as {{ dbt.type_timestamp() }})
        {%- endif %} as most_recent
    from {{ model }}
    {%- if group_by_columns %}
    group by {{ group_by_columns | join(', ') }}
    {%- endif %}
)
select
    {{ dbt_utils.group_by_select_prefix(group_by_columns) }}most_recent,
    {{ threshold }} as threshold
from recency
where most_recent < {{ threshold }}
   or most_recent is null
{%- endmacro %}
