{#
    Incremental by day: a run recomputes the days from the given one (`partition` var, else the
    last day already built) on, reading six days more of the fact for the trailing 7-day revenue.
#}
{{
    config(
        materialized='incremental',
        incremental_strategy='insert_overwrite',
        partitioned_by=['partition'],
        on_schema_change='fail'
    )
}}

{%- set day = var('partition', none) -%}
{%- if day -%}
    {%- set first_day = modules.datetime.datetime.strptime(day | string, '%Y%m%d') -%}
    {%- set read_from = (first_day - modules.datetime.timedelta(days=6)).strftime('%Y%m%d') -%}
{%- endif %}

with sales as (

    select
        sales_date,
        transaction_number,
        customer_sk,
        quantity,
        gross_amount,
        discount_amount,
        net_amount
    from {{ ref('mdw_cur_ft_sales') }}
    where sales_date is not null
    {% if is_incremental() %}
    {% if day %}
    and partition >= '{{ read_from }}'
    {% else %}
    and sales_date >= (select max(sales_date) from {{ this }}) - interval '6' day
    {% endif %}
    {% endif %}

),

daily as (

    select
        sales_date,
        count(*) as sales_line_count,
        count(distinct transaction_number) as transaction_count,
        count(distinct customer_sk) as customer_count,
        sum(quantity) as units_sold,
        sum(gross_amount) as gross_revenue,
        sum(discount_amount) as discount_total,
        sum(net_amount) as net_revenue
    from sales
    group by sales_date

),

revenue as (

    select
        sales_date,
        case
            when day_of_week(sales_date) in (6, 7) then 'weekend'
            else 'weekday'
        end as day_type,
        sales_line_count,
        transaction_count,
        customer_count,
        units_sold,
        gross_revenue,
        discount_total,
        net_revenue,
        cast(net_revenue / nullif(transaction_count, 0) as decimal(12, 2)) as avg_transaction_value,
        sum(net_revenue) over (
            order by sales_date
            rows between 6 preceding and current row
        ) as net_revenue_trailing_7_days,
        {{ generate_partition('cast(sales_date as timestamp)') }} as partition
    from daily

)

select *
from revenue
{% if is_incremental() %}
{% if day %}
where sales_date >= date '{{ first_day.strftime('%Y-%m-%d') }}'
{% else %}
where sales_date >= (select max(sales_date) from {{ this }})
{% endif %}
{% endif %}
