{#- Generic test `unique`: one failing row per non-null value that occurs more than once. -#}
{% test unique(model, column_name) -%}
  {{- adapter.dispatch('test_unique', 'dbt')(model, column_name) -}}
{%- endtest %}

{% macro default__test_unique(model, column_name) -%}
select
    {{ column_name }} as unique_field,
    count(*) as n_records
from {{ model }}
where {{ column_name }} is not null
group by {{ column_name }}
having count(*) > 1
{%- endmacro %}
