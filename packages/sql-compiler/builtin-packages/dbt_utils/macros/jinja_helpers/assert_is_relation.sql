{#-
  assert_is_relation(obj, macro): fails compilation when a macro that needs a Relation (ref / source /
  api.Relation.create) got a plain string or nothing. `_is_relation` is kept under its upstream name
  for projects that call it directly.
-#}
{% macro assert_is_relation(obj, macro) -%}
  {%- if obj is none or obj is string -%}
    {{- exceptions.raise_compiler_error("Macro " ~ macro ~ " expected a Relation (from ref(), source() or api.Relation.create()) but received the value " ~ obj) -}}
  {%- endif -%}
{%- endmacro %}

{#- _is_relation(obj, macro): upstream name of assert_is_relation. -#}
{% macro _is_relation(obj, macro) -%}
  {%- do dbt_utils.assert_is_relation(obj, macro) -%}
{%- endmacro %}

{#- _is_ephemeral(obj, macro): upstream helper; ephemeral models render as CTE names, which introspection macros cannot inspect. -#}
{% macro _is_ephemeral(obj, macro) -%}
  {%- if obj.is_cte -%}
    {{- exceptions.raise_compiler_error("Macro " ~ macro ~ " cannot inspect the ephemeral model " ~ obj ~ "; materialize it as a view or table") -}}
  {%- endif -%}
{%- endmacro %}
