{#
    Daily incremental: a normal run reads only the day of raw sales it is given, and merges it
    into the fact on sales_id (a sale re-delivered on a later day replaces its earlier version).
      lakeform run --select mdw_cur_ft_sales --vars '{partition: "20180510"}'   -- that day's drop
      lakeform run --select mdw_cur_ft_sales                                    -- from the last loaded day on
    Re-running a day is idempotent.
#}
{{
    config(
        materialized='incremental',
        incremental_strategy='merge',
        unique_key='sales_id',
        partitioned_by=['partition'],
        on_schema_change='fail'
    )
}}

{%- set day = var('partition', none) -%}

with sales as (

    select
        sales_id,
        employee_id,
        customer_id,
        product_id,
        quantity,
        discount,
        sales_at,
        transaction_number,
        load_date
    from {{ ref('mdw_stg_sales') }}
    {% if is_incremental() %}
    {% if day %}
    {%- set d = day | string %}
    where load_date = '{{ d[0:4] }}-{{ d[4:6] }}-{{ d[6:8] }}'
    {% else %}
    where load_date >= (select date_format(max(sales_at), '%Y-%m-%d') from {{ this }})
    {% endif %}
    {% endif %}

),

-- across delivery days, the latest delivery of a sale wins
latest as (

    select *
    from (
        select
            sales.*,
            row_number() over (partition by sales_id order by load_date desc) as delivery_rank
        from sales
    ) as ranked
    where delivery_rank = 1

),

customers as (

    select
        customer_sk,
        customer_id
    from {{ ref('mdw_std_dim_customers') }}

),

employees as (

    select
        employee_sk,
        employee_id
    from {{ ref('mdw_std_dim_employees') }}

),

products as (

    select
        product_sk,
        product_id,
        price
    from {{ ref('mdw_std_dim_products') }}

),

joined as (

    select
        sales.sales_id as sales_id,
        sales.transaction_number as transaction_number,
        customers.customer_sk as customer_sk,
        employees.employee_sk as employee_sk,
        products.product_sk as product_sk,
        sales.customer_id as customer_id,
        sales.employee_id as employee_id,
        sales.product_id as product_id,
        sales.sales_at as sales_at,
        cast(sales.sales_at as date) as sales_date,
        sales.quantity as quantity,
        products.price as unit_price,
        coalesce(sales.discount, 0.00) as discount_rate
    from latest as sales
    left join customers
        on sales.customer_id = customers.customer_id
    left join employees
        on sales.employee_id = employees.employee_id
    left join products
        on sales.product_id = products.product_id

),

metrics as (

    select
        sales_id,
        transaction_number,
        customer_sk,
        employee_sk,
        product_sk,
        customer_id,
        employee_id,
        product_id,
        sales_at,
        sales_date,
        quantity,
        unit_price,
        discount_rate,
        cast(quantity * unit_price as decimal(12, 2)) as gross_amount,
        cast(quantity * unit_price * discount_rate as decimal(12, 2)) as discount_amount
    from joined

)

select
    sales_id,
    transaction_number,
    customer_sk,
    employee_sk,
    product_sk,
    customer_id,
    employee_id,
    product_id,
    sales_at,
    sales_date,
    quantity,
    unit_price,
    discount_rate,
    case
        when discount_rate = 0 then 'none'
        when discount_rate <= 0.10 then 'low'
        when discount_rate <= 0.20 then 'medium'
        else 'high'
    end as discount_band,
    gross_amount,
    discount_amount,
    cast(gross_amount - discount_amount as decimal(12, 2)) as net_amount,
    {{ generate_partition('sales_at') }} as partition
from metrics
