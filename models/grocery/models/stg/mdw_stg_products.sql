with source as (

    select
        productid,
        productname,
        price,
        categoryid,
        class,
        modifydate,
        resistant,
        isallergic,
        vitalitydays
    from {{ source('mdw_raw', 'products') }}

),

renamed as (

    select
        try_cast(nullif(trim(productid), '') as integer) as product_id,
        nullif(trim(productname), '') as product_name,
        try_cast(nullif(trim(price), '') as decimal(10, 2)) as price,
        try_cast(nullif(trim(categoryid), '') as integer) as category_id,
        nullif(trim(class), '') as product_class,
        try(date_parse(nullif(trim(modifydate), ''), '%Y-%m-%d %H:%i:%s.%f')) as modified_at,
        nullif(trim(resistant), '') as resistant,
        case lower(nullif(trim(isallergic), ''))
            when 'true' then true
            when 'false' then false
        end as is_allergic,
        cast(try_cast(nullif(trim(vitalitydays), '') as double) as integer) as vitality_days
    from source

),

-- the source can carry several versions of a product: keep the most recently modified one
deduplicated as (

    select
        product_id,
        product_name,
        price,
        category_id,
        product_class,
        modified_at,
        resistant,
        is_allergic,
        vitality_days,
        row_number() over (
            partition by product_id
            order by modified_at desc nulls last
        ) as row_num
    from renamed

)

select
    product_id,
    product_name,
    price,
    category_id,
    product_class,
    modified_at,
    resistant,
    is_allergic,
    vitality_days
from deduplicated
where row_num = 1
