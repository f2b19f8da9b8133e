{#- get_url_parameter(field, url_parameter): value of a query-string parameter of a URL column, null when absent. -#}
{% macro get_url_parameter(field, url_parameter) -%}
  {{- return(adapter.dispatch('get_url_parameter', 'dbt_utils')(field, url_parameter)) -}}
{%- endmacro %}

{% macro default__get_url_parameter(field, url_parameter) -%}
  {%- set after_key = dbt.split_part(field, "'" ~ url_parameter ~ "='", 2) -%}
nullif({{ dbt.split_part(after_key, "'&'", 1) }}, '')
{%- endmacro %}
