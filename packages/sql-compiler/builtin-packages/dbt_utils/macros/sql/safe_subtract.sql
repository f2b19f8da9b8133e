{#- safe_subtract(field_list): first field minus the others, nulls treated as 0. -#}
{% macro safe_subtract(field_list) -%}
  {{- return(adapter.dispatch('safe_subtract', 'dbt_utils')(field_list)) -}}
{%- endmacro %}

{% macro default__safe_subtract(field_list) -%}
  {%- if field_list is string -%}
    {{- exceptions.raise_compiler_error('dbt_utils.safe_subtract expects a list of fields, e.g. safe_subtract(["a", "b"])') -}}
  {%- endif -%}
  {%- set terms = [] -%}
  {%- for field in field_list -%}
    {%- do terms.append('coalesce(' ~ field ~ ', 0)') -%}
  {%- endfor -%}
  {{- terms | join('\n    - ') -}}
{%- endmacro %}
