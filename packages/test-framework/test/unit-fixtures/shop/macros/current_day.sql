{% macro current_day() %}current_date{% endmacro %}
