{#-
  width_bucket(expr, min_value, max_value, num_buckets): which of num_buckets equal-width buckets
  over [min_value, max_value) holds expr; 0 below the range, num_buckets + 1 at or above it.
-#}
{% macro width_bucket(expr, min_value, max_value, num_buckets) -%}
  {{- return(adapter.dispatch('width_bucket', 'dbt_utils')(expr, min_value, max_value, num_buckets)) -}}
{%- endmacro %}

{% macro default__width_bucket(expr, min_value, max_value, num_buckets) -%}
case
    when {{ expr }} < {{ min_value }} then 0
    when {{ expr }} >= {{ max_value }} then {{ num_buckets }} + 1
    else cast(floor(({{ expr }} - {{ min_value }}) * {{ num_buckets }} / cast(({{ max_value }}) - ({{ min_value }}) as {{ dbt.type_float() }})) as {{ dbt.type_int() }}) + 1
end
{%- endmacro %}

{% macro athena__width_bucket(expr, min_value, max_value, num_buckets) -%}
width_bucket(cast({{ expr }} as double), {{ min_value }}, {{ max_value }}, {{ num_buckets }})
{%- endmacro %}
