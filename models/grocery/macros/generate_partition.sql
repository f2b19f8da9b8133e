{#
    generate_partition(column_name)

    The value of the `partition` column of curated tables: the day of `column_name` as YYYYMMDD
    (e.g. 20180205). Must be selected as the last column, aliased `partition`:

        {{ generate_partition('sales_at') }} as partition
#}
{%- macro generate_partition(column_name) -%}
    date_format({{ column_name }}, '%Y%m%d')
{%- endmacro -%}
