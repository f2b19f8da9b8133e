{#- n_weeks_away(n, tz=None): start (Monday) of the week n weeks after today. -#}
{% macro n_weeks_away(n, tz=None) -%}
  {{- dbt_date.n_weeks_ago(-1 * (n | int), tz) -}}
{%- endmacro %}
