{#- date(year, month, day): a Jinja date object (modules.datetime.date), e.g. for start_date arguments. -#}
{% macro date(year, month, day) -%}
  {{- return(modules.datetime.date(year, month, day)) -}}
{%- endmacro %}
