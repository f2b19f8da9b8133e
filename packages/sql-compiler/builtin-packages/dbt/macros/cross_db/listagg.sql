{#-
  listagg(measure, delimiter_text="','", order_by_clause=none, limit_num=none): string aggregation.
  delimiter_text is a SQL string literal (quotes included); order_by_clause is a full "order by ..." clause.
-#}
{% macro listagg(measure, delimiter_text="','", order_by_clause=none, limit_num=none) -%}
  {{- adapter.dispatch('listagg', 'dbt')(measure, delimiter_text, order_by_clause, limit_num) -}}
{%- endmacro %}

{% macro default__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
  {%- if limit_num -%}
array_to_string((array_agg({{ measure }}{% if order_by_clause %} {{ order_by_clause }}{% endif %}))[1:{{ limit_num }}], {{ delimiter_text }})
  {%- else -%}
listagg({{ measure }}, {{ delimiter_text }}){% if order_by_clause %} within group ({{ order_by_clause }}){% endif %}
  {%- endif -%}
{%- endmacro %}

{% macro athena__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
  {%- set aggregated -%}
array_agg({{ measure }}{% if order_by_clause %} {{ order_by_clause }}{% endif %})
  {%- endset -%}
  {%- if limit_num -%}
array_join(slice({{ aggregated }}, 1, {{ limit_num }}), {{ delimiter_text }})
  {%- else -%}
array_join({{ aggregated }}, {{ delimiter_text }})
  {%- endif -%}
{%- endmacro %}

{% macro duckdb__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
  {%- if limit_num -%}
array_to_string(list_slice(array_agg({{ measure }}{% if order_by_clause %} {{ order_by_clause }}{% endif %}), 1, {{ limit_num }}), {{ delimiter_text }})
  {%- else -%}
string_agg({{ measure }}, {{ delimiter_text }}{% if order_by_clause %} {{ order_by_clause }}{% endif %})
  {%- endif -%}
{%- endmacro %}
