{#- split_part(string_text, delimiter_text, part_number): 1-based part; a negative part counts from the end. -#}
{% macro split_part(string_text, delimiter_text, part_number) -%}
  {{- adapter.dispatch('split_part', 'dbt')(string_text, delimiter_text, part_number) -}}
{%- endmacro %}

{% macro default__split_part(string_text, delimiter_text, part_number) -%}
split_part({{ string_text }}, {{ delimiter_text }}, {{ part_number }})
{%- endmacro %}

{#- Trino's split_part only takes positive indexes; element_at on the split array also accepts negative ones. -#}
{% macro athena__split_part(string_text, delimiter_text, part_number) -%}
  {%- if part_number is number and part_number < 0 -%}
element_at(split({{ string_text }}, {{ delimiter_text }}), {{ part_number }})
  {%- else -%}
split_part({{ string_text }}, {{ delimiter_text }}, {{ part_number }})
  {%- endif -%}
{%- endmacro %}
