{#-
  datediff(first_date, second_date, datepart): number of datepart boundaries crossed going from
  first_date to second_date (negative when second_date is earlier), e.g. 2019-12-31 -> 2020-01-01
  is 1 year. Both engines' date_diff count whole elapsed units instead, so both sides are
  truncated to the datepart first.
-#}
{% macro datediff(first_date, second_date, datepart) -%}
  {{- adapter.dispatch('datediff', 'dbt')(first_date, second_date, datepart) -}}
{%- endmacro %}

{% macro default__datediff(first_date, second_date, datepart) -%}
datediff({{ datepart }}, {{ first_date }}, {{ second_date }})
{%- endmacro %}

{% macro athena__datediff(first_date, second_date, datepart) -%}
date_diff('{{ datepart }}', date_trunc('{{ datepart }}', cast({{ first_date }} as timestamp(6))), date_trunc('{{ datepart }}', cast({{ second_date }} as timestamp(6))))
{%- endmacro %}

{% macro duckdb__datediff(first_date, second_date, datepart) -%}
date_diff('{{ datepart }}', date_trunc('{{ datepart }}', cast({{ first_date }} as timestamp)), date_trunc('{{ datepart }}', cast({{ second_date }} as timestamp)))
{%- endmacro %}
