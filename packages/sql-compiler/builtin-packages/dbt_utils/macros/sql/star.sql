{#-
  star(from, relation_alias=False, except=[], prefix='', suffix='', quote_identifiers=True):
  the relation's columns as a select list, minus `except`, optionally qualified by relation_alias
  and renamed prefix~name~suffix. Renders `*` while parsing, and when the columns are unknown.
-#}
{% macro star(from, relation_alias=False, except=[], prefix='', suffix='', quote_identifiers=True) -%}
  {{- return(adapter.dispatch('star', 'dbt_utils')(from, relation_alias, except, prefix, suffix, quote_identifiers)) -}}
{%- endmacro %}

{% macro default__star(from, relation_alias=False, except=[], prefix='', suffix='', quote_identifiers=True) -%}
  {%- do dbt_utils.assert_is_relation(from, 'star') -%}
  {%- if not execute -%}
    {{- return('*') -}}
  {%- endif -%}
  {%- set cols = dbt_utils.get_filtered_columns_in_relation(from, except) -%}
  {%- if cols | length == 0 -%}
    {%- if except | length > 0 or prefix or suffix -%}
      {%- do exceptions.warn("dbt_utils.star: no columns are known for " ~ from ~ " (declare them in schema YAML); rendering '*', which ignores except/prefix/suffix") -%}
    {%- endif -%}
    {{- return('*') -}}
  {%- endif -%}
  {%- set items = [] -%}
  {%- for col in cols -%}
    {%- set source_name = adapter.quote(col) if quote_identifiers else col -%}
    {%- set item = (relation_alias ~ '.' if relation_alias else '') ~ source_name -%}
    {%- if prefix or suffix -%}
      {%- set target_name = adapter.quote(prefix ~ col ~ suffix) if quote_identifiers else prefix ~ col ~ suffix -%}
      {%- set item = item ~ ' as ' ~ target_name -%}
    {%- endif -%}
    {%- do items.append(item) -%}
  {%- endfor -%}
  {#- dbt_utils separates the columns with a comma, a newline and two spaces -#}
  {{- return(items | join(',\n  ')) -}}
{%- endmacro %}
