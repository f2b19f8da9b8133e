{#- cast(field, type): plain SQL cast. -#}
{% macro cast(field, type) -%}
  {{- adapter.dispatch('cast', 'dbt')(field, type) -}}
{%- endmacro %}

{% macro default__cast(field, type) -%}
cast({{ field }} as {{ type }})
{%- endmacro %}
