{#- get_filtered_columns_in_relation(from, except=[]): column names of a relation minus `except` (case-insensitive). '' while parsing. -#}
{% macro get_filtered_columns_in_relation(from, except=[]) -%}
  {{- return(adapter.dispatch('get_filtered_columns_in_relation', 'dbt_utils')(from, except)) -}}
{%- endmacro %}

{% macro default__get_filtered_columns_in_relation(from, except=[]) -%}
  {%- do dbt_utils.assert_is_relation(from, 'get_filtered_columns_in_relation') -%}
  {%- if not execute -%}
    {{- return('') -}}
  {%- endif -%}
  {%- set excluded = except | map('lower') | list -%}
  {%- set kept = [] -%}
  {%- for col in adapter.get_columns_in_relation(from) -%}
    {%- if (col.column | lower) not in excluded -%}
      {%- do kept.append(col.column) -%}
    {%- endif -%}
  {%- endfor -%}
  {{- return(kept) -}}
{%- endmacro %}
