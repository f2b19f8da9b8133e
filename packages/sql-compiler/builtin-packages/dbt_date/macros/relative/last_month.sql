{#- last_month(tz=None): first day of last month. -#}
{% macro last_month(tz=None) -%}
  {{- dbt_date.n_months_ago(1, tz) -}}
{%- endmacro %}

{#- last_month_number(tz=None): month number (1-12) of last month. -#}
{% macro last_month_number(tz=None) -%}
cast({{ dbt_date.date_part('month', dbt_date.last_month(tz)) }} as {{ dbt.type_int() }})
{%- endmacro %}

{#- last_month_name(short=True, tz=None): name of last month ('Jan' / 'January'). -#}
{% macro last_month_name(short=True, tz=None) -%}
  {{- dbt_date.month_name(dbt_date.last_month(tz), short=short) -}}
{%- endmacro %}
