{#- n_days_away(n, date=None, tz=None): the date n days after `date` (default: today). -#}
{% macro n_days_away(n, date=None, tz=None) -%}
  {{- dbt_date.n_days_ago(-1 * (n | int), date, tz) -}}
{%- endmacro %}
