{#- get_url_host(field): the host part of a URL column (protocol, path and query removed). -#}
{% macro get_url_host(field) -%}
  {{- return(adapter.dispatch('get_url_host', 'dbt_utils')(field)) -}}
{%- endmacro %}

{% macro default__get_url_host(field) -%}
  {%- set no_protocol = dbt.replace(dbt.replace(dbt.replace(field, "'android-app://'", "''"), "'http://'", "''"), "'https://'", "''") -%}
  {%- set host = dbt.split_part(dbt.split_part(no_protocol, "'/'", 1), "'?'", 1) -%}
{{ dbt.safe_cast(host, dbt.type_string()) }}
{%- endmacro %}
