with source as (

    select
        salesid,
        salespersonid,
        customerid,
        productid,
        quantity,
        discount,
        totalprice,
        salesdate,
        transactionnumber,
        dt
    from {{ source('mdw_raw', 'sales') }}

),

renamed as (

    select
        try_cast(nullif(trim(salesid), '') as bigint) as sales_id,
        try_cast(nullif(trim(salespersonid), '') as integer) as employee_id,
        try_cast(nullif(trim(customerid), '') as integer) as customer_id,
        try_cast(nullif(trim(productid), '') as integer) as product_id,
        try_cast(nullif(trim(quantity), '') as integer) as quantity,
        coalesce(try_cast(nullif(trim(discount), '') as decimal(10, 2)), 0.00) as discount,
        try_cast(nullif(trim(totalprice), '') as decimal(10, 2)) as total_price,
        try(date_parse(nullif(trim(salesdate), ''), '%Y-%m-%d %H:%i:%s.%f')) as sales_at,
        nullif(trim(transactionnumber), '') as transaction_number,
        dt as load_date
    from source

),

-- a sale delivered twice in one day's drop keeps its latest version; a sale re-delivered on a
-- later day replaces the earlier one in mdw_cur_ft_sales (merge on sales_id). Deduplicating per
-- delivery day keeps a filter on load_date cheap: it reads that day's files only.
deduplicated as (

    select
        sales_id,
        employee_id,
        customer_id,
        product_id,
        quantity,
        discount,
        total_price,
        sales_at,
        transaction_number,
        load_date,
        row_number() over (
            partition by load_date, sales_id
            order by sales_at desc nulls last
        ) as row_num
    from renamed

)

select
    sales_id,
    employee_id,
    customer_id,
    product_id,
    quantity,
    discount,
    total_price,
    sales_at,
    transaction_number,
    load_date
from deduplicated
where row_num = 1
