{#-
  regexp_matches(source_value, regexp, is_raw=False, flags=''): boolean SQL, true when the regex
  matches anywhere in the value. The pattern is written into a '...' literal as given (Trino and
  DuckDB treat backslashes literally, so no extra escaping is needed); is_raw is accepted for
  compatibility. flags: regex flags such as 'i' (case-insensitive).
-#}
{% macro regexp_matches(source_value, regexp, is_raw=False, flags='') -%}
  {{- adapter.dispatch('regexp_matches', 'dbt_expectations')(source_value, regexp, is_raw, flags) -}}
{%- endmacro %}

{% macro default__regexp_matches(source_value, regexp, is_raw, flags) -%}
regexp_like({{ source_value }}, '{{ regexp }}'{% if flags %}, '{{ flags }}'{% endif %})
{%- endmacro %}

{#- Trino's regexp_like has no flags argument: flags become an inline (?flags) group. -#}
{% macro athena__regexp_matches(source_value, regexp, is_raw, flags) -%}
regexp_like({{ source_value }}, '{% if flags %}(?{{ flags }}){% endif %}{{ regexp }}')
{%- endmacro %}

{% macro duckdb__regexp_matches(source_value, regexp, is_raw, flags) -%}
regexp_matches({{ source_value }}, '{{ regexp }}'{% if flags %}, '{{ flags }}'{% endif %})
{%- endmacro %}
