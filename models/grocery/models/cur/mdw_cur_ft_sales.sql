{#
    Daily incremental: a normal run rewrites only the day partitions it is given.
      lakeform run --select mdw_cur_ft_sales --vars '{partition: "20180510"}'   -- that one day
      lakeform run --select mdw_cur_ft_sales                                    -- from the last loaded day on
    insert_overwrite replaces exactly the partitions the new rows carry, so re-running a day is idempotent.
#}
{{
    config(
        materialized='incremental',
        incremental_strategy='insert_overwrite',
        partitioned_by=['partition'],
        on_schema_change='fail'
    )
}}

with sales as (

    select
        sales_id,
        employee_id,
        customer_id,
        product_id,
        quantity,
        discount,
        sales_at,
        transaction_number
    from {{ ref('mdw_stg_sales') }}
    {% if is_incremental() %}
    {% if var('partition', none) %}
    where sales_at >= date_parse('{{ var("partition") }}', '%Y%m%d')
      and sales_at < date_parse('{{ var("partition") }}', '%Y%m%d') + interval '1' day
    {% else %}
    where sales_at >= (select date_trunc('day', max(sales_at)) from {{ this }})
    {% endif %}
    {% endif %}

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
    from sales
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
