{#-
  generate_surrogate_key(field_list): md5 hash of the listed columns/expressions, each cast to a
  string, nulls replaced by '_dbt_utils_surrogate_key_null_' (or '' when the var
  surrogate_key_treat_nulls_as_empty_strings is true), joined with '-'.
-#}
{% macro generate_surrogate_key(field_list) -%}
  {{- return(adapter.dispatch('generate_surrogate_key', 'dbt_utils')(field_list)) -}}
{%- endmacro %}

{% macro default__generate_surrogate_key(field_list) -%}
  {%- if field_list is string -%}
    {{- exceptions.raise_compiler_error('generate_surrogate_key expects a list of column names or expressions, got: ' ~ field_list) -}}
  {%- endif -%}
  {%- if var('surrogate_key_treat_nulls_as_empty_strings', False) -%}
    {%- set null_text = '' -%}
  {%- else -%}
    {%- set null_text = '_dbt_utils_surrogate_key_null_' -%}
  {%- endif -%}
  {%- set parts = [] -%}
  {%- for field in field_list -%}
    {%- do parts.append("coalesce(cast(" ~ field ~ " as " ~ dbt.type_string() ~ "), '" ~ null_text ~ "')") -%}
    {%- if not loop.last -%}
      {%- do parts.append("'-'") -%}
    {%- endif -%}
  {%- endfor -%}
  {{- dbt.hash(dbt.concat(parts)) -}}
{%- endmacro %}
