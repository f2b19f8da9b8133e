{#- Shared helpers for tests that accept group_by_columns. -#}
{% macro group_by_select_prefix(group_by_columns) -%}
  {%- if group_by_columns -%}{{ group_by_columns | join(', ') }}, {% endif -%}
{%- endmacro %}
