{#- datetime(year, month, day, hour=0, minute=0, second=0, microsecond=0, tz=None): a naive Jinja datetime object (tz is accepted but not applied). -#}
{% macro datetime(year, month, day, hour=0, minute=0, second=0, microsecond=0, tz=None) -%}
  {{- return(modules.datetime.datetime(year, month, day, hour, minute, second, microsecond)) -}}
{%- endmacro %}
