{#- get_powers_of_two(upper_bound): the number of bits needed to count to upper_bound (at least 1). -#}
{% macro get_powers_of_two(upper_bound) -%}
  {{- return(adapter.dispatch('get_powers_of_two', 'dbt')(upper_bound)) -}}
{%- endmacro %}

{% macro default__get_powers_of_two(upper_bound) -%}
  {%- set bound = upper_bound | int -%}
  {%- if bound <= 0 -%}
    {{- exceptions.raise_compiler_error('generate_series: upper bound must be a positive integer, got ' ~ upper_bound) -}}
  {%- endif -%}
  {%- for bits in range(1, 64) -%}
    {%- if 2 ** bits >= bound -%}
      {{- return(bits) -}}
    {%- endif -%}
  {%- endfor -%}
  {{- return(63) -}}
{%- endmacro %}
