{#- except(): the set-difference keyword (distinct semantics). -#}
{% macro except() -%}
  {{- adapter.dispatch('except', 'dbt')() -}}
{%- endmacro %}

{% macro default__except() -%}
except
{%- endmacro %}
