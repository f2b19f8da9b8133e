{#- dateadd(datepart, interval, from_date_or_timestamp): add `interval` dateparts (may be negative or an expression). -#}
{% macro dateadd(datepart, interval, from_date_or_timestamp) -%}
  {{- adapter.dispatch('dateadd', 'dbt')(datepart, interval, from_date_or_timestamp) -}}
{%- endmacro %}

{% macro default__dateadd(datepart, interval, from_date_or_timestamp) -%}
dateadd({{ datepart }}, {{ interval }}, {{ from_date_or_timestamp }})
{%- endmacro %}

{#- Trino: date_add(unit, bigint, value); non-literal amounts are cast so double/decimal expressions work too. -#}
{% macro athena__dateadd(datepart, interval, from_date_or_timestamp) -%}
date_add('{{ datepart }}', {% if interval is number %}{{ interval }}{% else %}cast({{ interval }} as bigint){% endif %}, {{ from_date_or_timestamp }})
{%- endmacro %}

{#- DuckDB: value + interval (n) unit; adding to a date yields a timestamp. -#}
{% macro duckdb__dateadd(datepart, interval, from_date_or_timestamp) -%}
({{ from_date_or_timestamp }} + interval ({{ interval }}) {{ datepart }})
{%- endmacro %}
