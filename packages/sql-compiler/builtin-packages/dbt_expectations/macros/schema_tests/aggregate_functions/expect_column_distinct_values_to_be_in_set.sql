{#- expect_column_distinct_values_to_be_in_set(model, column_name, value_set, quote_values=True, row_condition=None): distinct values (nulls included) missing from value_set. -#}
{% test expect_column_distinct_values_to_be_in_set(model, column_name, value_set, quote_values=True, row_condition=None) -%}
  {{- dbt_expectations.distinct_values_vs_set_query(model, column_name, value_set, quote_values, row_condition, 'in_set') -}}
{%- endtest %}

{#- distinct_values_vs_set_query: compare a column's distinct values with a set; mode 'in_set', 'contain_set' or 'equal_set'. -#}
{% macro distinct_values_vs_set_query(model, column_name, value_set, quote_values, row_condition, mode) -%}
with all_values as (
    select distinct
        {{ column_name }} as value_field
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
),
set_values as (
    {{ dbt_expectations.value_set_query(value_set, quote_values) | indent(4) }}
),
unique_set_values as (
    select distinct value_field
    from set_values
),
validation_errors as (
    {%- if mode in ['in_set', 'equal_set'] %}
    select v.value_field as column_value, s.value_field as set_value
    from all_values as v
    left join unique_set_values as s
        on v.value_field = s.value_field
    where s.value_field is null
    {%- endif %}
    {%- if mode == 'equal_set' %}
    union all
    {%- endif %}
    {%- if mode in ['contain_set', 'equal_set'] %}
    select v.value_field as column_value, s.value_field as set_value
    from unique_set_values as s
    left join all_values as v
        on v.value_field = s.value_field
    where v.value_field is null
    {%- endif %}
)
select *
from validation_errors
{%- endmacro %}
