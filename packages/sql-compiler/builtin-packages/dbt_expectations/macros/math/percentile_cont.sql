{#- percentile_cont(field, quantile): the quantile of a numeric column (Athena: approximate). -#}
{% macro percentile_cont(field, quantile, partition=None) -%}
  {{- adapter.dispatch('percentile_cont', 'dbt_expectations')(field, quantile, partition) -}}
{%- endmacro %}

{% macro default__percentile_cont(field, quantile, partition) -%}
percentile_cont({{ quantile }}) within group (order by {{ field }})
{%- if partition %} over (partition by {{ partition }}){% endif -%}
{%- endmacro %}

{% macro athena__percentile_cont(field, quantile, partition) -%}
approx_percentile(cast({{ field }} as double), {{ quantile }})
{%- if partition %} over (partition by {{ partition }}){% endif -%}
{%- endmacro %}

{% macro duckdb__percentile_cont(field, quantile, partition) -%}
quantile_cont({{ field }}, {{ quantile }})
{%- if partition %} over (partition by {{ partition }}){% endif -%}
{%- endmacro %}

{#- median(field): percentile_cont(field, 0.5). -#}
{% macro median(field) -%}
  {{- dbt_expectations.percentile_cont(field, 0.5) -}}
{%- endmacro %}
