{#- n_months_away(n, tz=None): first day of the month n months after today. -#}
{% macro n_months_away(n, tz=None) -%}
  {{- dbt_date.n_months_ago(-1 * (n | int), tz) -}}
{%- endmacro %}
