{#- replace(field, old_chars, new_chars): old_chars/new_chars are SQL expressions (quote literals yourself). -#}
{% macro replace(field, old_chars, new_chars) -%}
  {{- adapter.dispatch('replace', 'dbt')(field, old_chars, new_chars) -}}
{%- endmacro %}

{% macro default__replace(field, old_chars, new_chars) -%}
replace({{ field }}, {{ old_chars }}, {{ new_chars }})
{%- endmacro %}
