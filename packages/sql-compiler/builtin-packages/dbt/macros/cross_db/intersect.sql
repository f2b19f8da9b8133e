{#- intersect(): the set-intersection keyword (distinct semantics). -#}
{% macro intersect() -%}
  {{- adapter.dispatch('intersect', 'dbt')() -}}
{%- endmacro %}

{% macro default__intersect() -%}
intersect
{%- endmacro %}
