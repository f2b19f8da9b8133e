{#-
  expect_column_values_to_have_consistent_casing(model, column_name, display_inconsistent_columns=False):
  fails when a value appears in more than one casing (e.g. 'Paid' and 'PAID'); nulls are ignored.
-#}
{% test expect_column_values_to_have_consistent_casing(model, column_name, display_inconsistent_columns=False) -%}
with distinct_values as (
    select distinct {{ column_name }} as value_field
    from {{ model }}
    where {{ column_name }} is not null
),
inconsistent as (
    select
        lower(value_field) as lowered_value,
        count(*) as n_casings
    from distinct_values
    group by lower(value_field)
    having count(*) > 1
)
{%- if display_inconsistent_columns %}
select distinct_values.value_field
from distinct_values
inner join inconsistent
    on lower(distinct_values.value_field) = inconsistent.lowered_value
{%- else %}
select *
from inconsistent
{%- endif %}
{%- endtest %}
