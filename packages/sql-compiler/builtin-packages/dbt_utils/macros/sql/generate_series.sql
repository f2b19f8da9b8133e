{#- generate_series(upper_bound): a query with column generated_number = 1..upper_bound (portable numbers CTE). -#}
{% macro generate_series(upper_bound) -%}
  {{- return(adapter.dispatch('generate_series', 'dbt_utils')(upper_bound)) -}}
{%- endmacro %}

{% macro default__generate_series(upper_bound) -%}
  {{- dbt.generate_series(upper_bound) -}}
{%- endmacro %}

{#- get_powers_of_two(upper_bound): bits needed to count to upper_bound. -#}
{% macro get_powers_of_two(upper_bound) -%}
  {{- return(adapter.dispatch('get_powers_of_two', 'dbt_utils')(upper_bound)) -}}
{%- endmacro %}

{% macro default__get_powers_of_two(upper_bound) -%}
  {{- return(dbt.get_powers_of_two(upper_bound)) -}}
{%- endmacro %}
