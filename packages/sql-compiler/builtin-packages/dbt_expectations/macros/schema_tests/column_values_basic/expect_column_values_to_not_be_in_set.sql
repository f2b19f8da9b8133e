{#- expect_column_values_to_not_be_in_set(model, column_name, value_set, quote_values=True, row_condition=None): rows whose value is in value_set. -#}
{% test expect_column_values_to_not_be_in_set(model, column_name, value_set, quote_values=True, row_condition=None) -%}
with all_values as (
    select
        {{ column_name }} as value_field
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
),
set_values as (
    {{ dbt_expectations.value_set_query(value_set, quote_values) | indent(4) }}
),
validation_errors as (
    select v.value_field
    from all_values as v
    inner join set_values as s
        on v.value_field = s.value_field
)
select *
from validation_errors
{%- endtest %}
