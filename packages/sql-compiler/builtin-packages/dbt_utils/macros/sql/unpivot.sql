{#-
  unpivot(relation, cast_to='varchar', exclude=none, remove=none, field_name='field_name',
          value_name='value', quote_identifiers=False):
  one row per (input row, column): the `exclude` columns are kept as-is, every other column
  (minus `remove`) becomes a field_name/value pair with the value cast to cast_to.
-#}
{% macro unpivot(relation=none, cast_to='varchar', exclude=none, remove=none, field_name='field_name', value_name='value', quote_identifiers=False) -%}
  {{- return(adapter.dispatch('unpivot', 'dbt_utils')(relation, cast_to, exclude, remove, field_name, value_name, quote_identifiers)) -}}
{%- endmacro %}

{% macro default__unpivot(relation=none, cast_to='varchar', exclude=none, remove=none, field_name='field_name', value_name='value', quote_identifiers=False) -%}
  {%- if not relation -%}
    {{- exceptions.raise_compiler_error('dbt_utils.unpivot: the relation argument is required') -}}
  {%- endif -%}
  {%- do dbt_utils.assert_is_relation(relation, 'unpivot') -%}
  {%- if not execute -%}
    {{- return('') -}}
  {%- endif -%}
  {%- set exclude = exclude if exclude is not none else [] -%}
  {%- set remove = remove if remove is not none else [] -%}
  {%- set skipped = (exclude + remove) | map('lower') | list -%}
  {%- set unpivoted = [] -%}
  {%- for col in adapter.get_columns_in_relation(relation) -%}
    {%- if (col.column | lower) not in skipped -%}
      {%- do unpivoted.append(col) -%}
    {%- endif -%}
  {%- endfor -%}
  {%- if unpivoted | length == 0 -%}
    {{- exceptions.raise_compiler_error('dbt_utils.unpivot: no columns to unpivot are known for ' ~ relation ~ ' (declare them in schema YAML)') -}}
  {%- endif -%}
  {%- for col in unpivoted -%}
{% if not loop.first %}
union all
{% endif -%}
select
    {%- for kept in exclude %}
    {{ adapter.quote(kept) if quote_identifiers else kept }},
    {%- endfor %}
    cast('{{ col.column }}' as {{ dbt.type_string() }}) as {{ adapter.quote(field_name) if quote_identifiers else field_name }},
    {%- set source_column = adapter.quote(col.column) if quote_identifiers else col.column %}
    cast({% if col.data_type and (col.data_type | lower) == 'boolean' %}{{ dbt.cast_bool_to_text(source_column) }}{% else %}{{ source_column }}{% endif %} as {{ cast_to }}) as {{ adapter.quote(value_name) if quote_identifiers else value_name }}
from {{ relation }}
  {%- endfor -%}
{%- endmacro %}
