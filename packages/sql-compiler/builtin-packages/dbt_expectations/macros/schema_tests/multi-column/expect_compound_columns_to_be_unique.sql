{#-
  expect_compound_columns_to_be_unique(model, column_list, quote_columns=False,
                                       ignore_row_if='all_values_are_missing', row_condition=None):
  one row per duplicated combination of the columns.
-#}
{% test expect_compound_columns_to_be_unique(model, column_list, quote_columns=False, ignore_row_if='all_values_are_missing', row_condition=None) -%}
  {{- dbt_expectations.compound_columns_unique_query(model, column_list, quote_columns, ignore_row_if, row_condition) -}}
{%- endtest %}

{#- compound_columns_unique_query(model, column_list, quote_columns, ignore_row_if, row_condition): helper; duplicated combinations. -#}
{% macro compound_columns_unique_query(model, column_list, quote_columns, ignore_row_if, row_condition) -%}
  {%- if not column_list -%}
    {{- exceptions.raise_compiler_error('expect_compound_columns_to_be_unique: column_list must not be empty') -}}
  {%- endif -%}
  {%- set columns = [] -%}
  {%- for col in column_list -%}
    {%- do columns.append(adapter.quote(col) if quote_columns else col) -%}
  {%- endfor -%}
with validation_errors as (
    select
        {{ columns | join(', ') }},
        count(*) as n_records
    from {{ model }}
    where {{ dbt_expectations.ignore_row_if_expression(ignore_row_if, columns) }}
    {%- if row_condition %}
      and {{ row_condition }}
    {%- endif %}
    group by {{ columns | join(', ') }}
    having count(*) > 1
)
select *
from validation_errors
{%- endmacro %}
