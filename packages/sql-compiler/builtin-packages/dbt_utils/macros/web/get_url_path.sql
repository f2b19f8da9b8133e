{#- get_url_path(field): the path of a URL column without the leading '/', the host and the query string. -#}
{% macro get_url_path(field) -%}
  {{- return(adapter.dispatch('get_url_path', 'dbt_utils')(field)) -}}
{%- endmacro %}

{% macro default__get_url_path(field) -%}
  {%- set no_protocol = dbt.replace(dbt.replace(field, "'http://'", "''"), "'https://'", "''") -%}
  {%- set slash_at = dbt.position("'/'", no_protocol) -%}
  {%- set after_host = 'substr(' ~ no_protocol ~ ', ' ~ slash_at ~ ' + 1)' -%}
{{ dbt.safe_cast("case when " ~ slash_at ~ " = 0 then '' else " ~ dbt.split_part(dbt.split_part(after_host, "'?'", 1), "'#'", 1) ~ " end", dbt.type_string()) }}
{%- endmacro %}
