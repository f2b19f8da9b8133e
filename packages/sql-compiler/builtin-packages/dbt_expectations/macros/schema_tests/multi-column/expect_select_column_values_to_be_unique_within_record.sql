{#-
  expect_select_column_values_to_be_unique_within_record(model, column_list, quote_columns=False,
                                                         ignore_row_if='all_values_are_missing', row_condition=None):
  rows in which two of the listed columns hold the same (non-null) value.
-#}
{% test expect_select_column_values_to_be_unique_within_record(model, column_list, quote_columns=False, ignore_row_if='all_values_are_missing', row_condition=None) -%}
  {%- set columns = [] -%}
  {%- for col in column_list -%}
    {%- do columns.append(adapter.quote(col) if quote_columns else col) -%}
  {%- endfor -%}
  {%- set clashes = [] -%}
  {%- for i in range(columns | length) -%}
    {%- for j in range(i + 1, columns | length) -%}
      {%- do clashes.append(columns[i] ~ ' = ' ~ columns[j]) -%}
    {%- endfor -%}
  {%- endfor -%}
select *
from {{ model }}
where {{ dbt_expectations.ignore_row_if_expression(ignore_row_if, columns) }}
{%- if row_condition %}
  and {{ row_condition }}
{%- endif %}
  and ({{ clashes | join(' or ') if clashes else '1 = 0' }})
{%- endtest %}
