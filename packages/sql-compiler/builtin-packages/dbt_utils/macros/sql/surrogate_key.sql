{#- surrogate_key: removed in dbt_utils 1.0; fails with a pointer to its replacement. -#}
{% macro surrogate_key(field_list) -%}
  {{- exceptions.raise_compiler_error("dbt_utils.surrogate_key has been replaced by dbt_utils.generate_surrogate_key. The new macro treats null values differently from empty strings; set the var 'surrogate_key_treat_nulls_as_empty_strings: true' to keep the old hashes.") -}}
{%- endmacro %}
