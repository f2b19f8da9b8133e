{#- array_construct(inputs=[], data_type='integer'): an array literal; data_type types the empty array. -#}
{% macro array_construct(inputs=[], data_type='integer') -%}
  {{- adapter.dispatch('array_construct', 'dbt')(inputs, data_type) -}}
{%- endmacro %}

{% macro default__array_construct(inputs, data_type) -%}
  {%- if inputs | length > 0 -%}
array[{{ inputs | join(', ') }}]
  {%- else -%}
array[]::{{ data_type }}[]
  {%- endif -%}
{%- endmacro %}

{% macro athena__array_construct(inputs, data_type) -%}
  {%- if inputs | length > 0 -%}
array[{{ inputs | join(', ') }}]
  {%- else -%}
cast(array[] as array({{ data_type }}))
  {%- endif -%}
{%- endmacro %}

{% macro duckdb__array_construct(inputs, data_type) -%}
  {%- if inputs | length > 0 -%}
[{{ inputs | join(', ') }}]
  {%- else -%}
cast([] as {{ data_type }}[])
  {%- endif -%}
{%- endmacro %}
