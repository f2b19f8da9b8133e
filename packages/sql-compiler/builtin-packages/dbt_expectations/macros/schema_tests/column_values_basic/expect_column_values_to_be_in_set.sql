{#-
  expect_column_values_to_be_in_set(model, column_name, value_set, quote_values=True, row_condition=None):
  rows whose value is not in value_set. As upstream, null values fail too (exclude them with a
  row_condition such as "col is not null").
-#}
{% test expect_column_values_to_be_in_set(model, column_name, value_set, quote_values=True, row_condition=None) -%}
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
    left join set_values as s
        on v.value_field = s.value_field
    where s.value_field is null
)
select *
from validation_errors
{%- endtest %}

{#- value_set_query(value_set, quote_values=True): one row (column value_field) per value; quoted values are cast to the string type. -#}
{% macro value_set_query(value_set, quote_values=True) -%}
  {%- for value in value_set -%}
    {%- if not loop.first %}
union all
{% endif -%}
    {%- if quote_values -%}
select cast('{{ value }}' as {{ dbt.type_string() }}) as value_field
    {%- else -%}
select {{ value }} as value_field
    {%- endif -%}
  {%- endfor -%}
{%- endmacro %}
