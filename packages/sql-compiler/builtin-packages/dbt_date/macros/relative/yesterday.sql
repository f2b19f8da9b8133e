{#- yesterday(date=None, tz=None): the day before `date` (default: today). -#}
{% macro yesterday(date=None, tz=None) -%}
  {{- dbt_date.n_days_ago(1, date, tz) -}}
{%- endmacro %}
