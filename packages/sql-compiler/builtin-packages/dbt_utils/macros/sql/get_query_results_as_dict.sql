{#- get_query_results_as_dict(query): {column_name: [values...]} from run_query; {} while parsing. -#}
{% macro get_query_results_as_dict(query) -%}
  {{- return(adapter.dispatch('get_query_results_as_dict', 'dbt_utils')(query)) -}}
{%- endmacro %}

{% macro default__get_query_results_as_dict(query) -%}
  {%- set results = {} -%}
  {%- if execute -%}
    {%- set table = run_query(query) -%}
    {%- if table is not none -%}
      {%- for name in table.column_names -%}
        {%- do results.update({name: table.columns[loop.index0].values() | list}) -%}
      {%- endfor -%}
    {%- endif -%}
  {%- endif -%}
  {{- return(results) -}}
{%- endmacro %}
