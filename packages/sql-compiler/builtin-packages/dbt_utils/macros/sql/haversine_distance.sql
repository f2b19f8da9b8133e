{#- haversine_distance(lat1, lon1, lat2, lon2, unit='mi'): great-circle distance in miles ('mi') or kilometres ('km'). -#}
{% macro haversine_distance(lat1, lon1, lat2, lon2, unit='mi') -%}
  {{- return(adapter.dispatch('haversine_distance', 'dbt_utils')(lat1, lon1, lat2, lon2, unit)) -}}
{%- endmacro %}

{#- degrees_to_radians(degrees): SQL converting degrees to radians. -#}
{% macro degrees_to_radians(degrees) -%}
acos(-1) * {{ degrees }} / 180
{%- endmacro %}

{% macro default__haversine_distance(lat1, lon1, lat2, lon2, unit='mi') -%}
  {%- if unit == 'mi' -%}
    {%- set factor = '' -%}
  {%- elif unit == 'km' -%}
    {%- set factor = ' * 1.60934' -%}
  {%- else -%}
    {{- exceptions.raise_compiler_error("dbt_utils.haversine_distance: unit must be 'mi' or 'km', got '" ~ unit ~ "'") -}}
  {%- endif -%}
2 * 3961 * asin(sqrt(power(sin(({{ dbt_utils.degrees_to_radians(lat2) }} - {{ dbt_utils.degrees_to_radians(lat1) }}) / 2), 2)
    + cos({{ dbt_utils.degrees_to_radians(lat1) }}) * cos({{ dbt_utils.degrees_to_radians(lat2) }})
    * power(sin(({{ dbt_utils.degrees_to_radians(lon2) }} - {{ dbt_utils.degrees_to_radians(lon1) }}) / 2), 2))){{ factor }}
{%- endmacro %}
