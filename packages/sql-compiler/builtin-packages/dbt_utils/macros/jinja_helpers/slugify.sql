{#- slugify(string): lowercase, spaces/dashes to underscores, other punctuation dropped, leading digit prefixed with '_'. -#}
{% macro slugify(string) -%}
  {%- set lowered = (string | string | lower) -%}
  {%- set underscored = modules.re.sub('[ -]+', '_', lowered) -%}
  {%- set cleaned = modules.re.sub('[^a-z0-9_]+', '', underscored) -%}
  {%- if modules.re.match('[0-9]', cleaned) -%}
    {%- set cleaned = '_' ~ cleaned -%}
  {%- endif -%}
  {{- return(cleaned) -}}
{%- endmacro %}
