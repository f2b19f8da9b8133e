{#- log_info(message): log a timestamped message at info level. -#}
{% macro log_info(message) -%}
  {%- do log(dbt_utils.pretty_log_format(message), info=True) -%}
{%- endmacro %}
