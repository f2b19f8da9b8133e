{#-
  union_relations(relations, column_override=none, include=[], exclude=[],
                  source_column_name='_dbt_source_relation', where=none):
  union all of relations whose columns differ: every column of any relation appears once (first
  seen order, matched case-insensitively), null where a relation lacks it, cast to its first seen
  data type (or to column_override[name]). source_column_name (none to omit) records each row's
  relation; like dbt_utils, that name is written as given (not quoted). Column lists come from adapter.get_columns_in_relation.
-#}
{% macro union_relations(relations, column_override=none, include=[], exclude=[], source_column_name='_dbt_source_relation', where=none) -%}
  {{- return(adapter.dispatch('union_relations', 'dbt_utils')(relations, column_override, include, exclude, source_column_name, where)) -}}
{%- endmacro %}

{% macro default__union_relations(relations, column_override=none, include=[], exclude=[], source_column_name='_dbt_source_relation', where=none) -%}
  {%- if include and exclude -%}
    {{- exceptions.raise_compiler_error('dbt_utils.union_relations: give either include or exclude, not both') -}}
  {%- endif -%}
  {%- if not execute -%}
    {{- return('') -}}
  {%- endif -%}
  {%- set overrides = column_override if column_override is not none else {} -%}
  {%- set include_lower = include | map('lower') | list -%}
  {%- set exclude_lower = exclude | map('lower') | list -%}
  {%- set columns_by_relation = [] -%}
  {%- set superset = {} -%}
  {%- set ordered_keys = [] -%}
  {%- for relation in relations -%}
    {%- do dbt_utils.assert_is_relation(relation, 'union_relations') -%}
    {%- set keys_here = [] -%}
    {%- for col in adapter.get_columns_in_relation(relation) -%}
      {%- set key = col.column | lower -%}
      {%- set wanted = (not include_lower or key in include_lower) and key not in exclude_lower -%}
      {%- if wanted -%}
        {%- do keys_here.append(key) -%}
        {%- if key not in superset -%}
          {%- do superset.update({key: col}) -%}
          {%- do ordered_keys.append(key) -%}
        {%- endif -%}
      {%- endif -%}
    {%- endfor -%}
    {%- do columns_by_relation.append(keys_here) -%}
  {%- endfor -%}
  {%- if ordered_keys | length == 0 -%}
    {%- do exceptions.warn('dbt_utils.union_relations: no columns are known for the relations (declare them in schema YAML); falling back to select *, which needs identical column lists') -%}
  {%- endif -%}
  {%- for relation in relations %}
{% if not loop.first -%}
union all
{% endif -%}
(
    select
        {%- if source_column_name is not none %}
        cast({{ dbt.string_literal(relation) }} as {{ dbt.type_string() }}) as {{ source_column_name }},
        {%- endif %}
        {%- if ordered_keys | length == 0 %}
        *
        {%- endif %}
        {%- set present = columns_by_relation[loop.index0] %}
        {%- for key in ordered_keys %}
        {%- set col = superset[key] %}
        {%- set col_type = overrides.get(col.column, overrides.get(key, col.data_type)) %}
        {%- if col_type and (col_type | lower) == 'string' %}{% set col_type = dbt.type_string() %}{% endif %}
        {%- set value = adapter.quote(col.column) if key in present else 'null' %}
        {% if col_type %}cast({{ value }} as {{ col_type }}){% else %}{{ value }}{% endif %} as {{ adapter.quote(col.column) }}{% if not loop.last %},{% endif %}
        {%- endfor %}
    from {{ relation }}
    {%- if where %}
    where {{ where }}
    {%- endif %}
)
  {%- endfor -%}
{%- endmacro %}
