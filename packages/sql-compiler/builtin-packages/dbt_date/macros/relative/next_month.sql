{#- next_month(tz=None): first day of next month. -#}
{% macro next_month(tz=None) -%}
  {{- dbt_date.n_months_away(1, tz) -}}
{%- endmacro %}

{#- next_month_number(tz=None): month number (1-12) of next month. -#}
{% macro next_month_number(tz=None) -%}
cast({{ dbt_date.date_part('month', dbt_date.next_month(tz)) }} as {{ dbt.type_int() }})
{%- endmacro %}

{#- next_month_name(short=True, tz=None): name of next month ('Jan' / 'January'). -#}
{% macro next_month_name(short=True, tz=None) -%}
  {{- dbt_date.month_name(dbt_date.next_month(tz), short=short) -}}
{%- endmacro %}
