{#- nullcheck(cols): select list turning empty strings into nulls for string-typed columns (cols: Column objects). -#}
{% macro nullcheck(cols) -%}
  {{- return(adapter.dispatch('nullcheck', 'dbt_utils')(cols)) -}}
{%- endmacro %}

{% macro default__nullcheck(cols) -%}
  {%- for col in cols %}
    {%- set type_name = (col.data_type or '') | lower -%}
    {%- if 'char' in type_name or 'string' in type_name or 'text' in type_name %}
    nullif({{ col.quoted }}, '') as {{ col.quoted }}
    {%- else %}
    {{ col.quoted }}
    {%- endif -%}
    {%- if not loop.last %},{% endif -%}
  {%- endfor -%}
{%- endmacro %}
