{#- safe_add(field_list): sum of the fields with nulls treated as 0. -#}
{% macro safe_add(field_list) -%}
  {{- return(adapter.dispatch('safe_add', 'dbt_utils')(field_list)) -}}
{%- endmacro %}

{% macro default__safe_add(field_list) -%}
  {%- if field_list is string -%}
    {{- exceptions.raise_compiler_error('dbt_utils.safe_add expects a list of fields, e.g. safe_add(["a", "b"])') -}}
  {%- endif -%}
  {%- set terms = [] -%}
  {%- for field in field_list -%}
    {%- do terms.append('coalesce(' ~ field ~ ', 0)') -%}
  {%- endfor -%}
  {{- terms | join('\n    + ') -}}
{%- endmacro %}
