with products as (

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
    from {{ ref('mdw_stg_products') }}

),

categories as (

    select
        category_id,
        category_name
    from {{ ref('mdw_stg_categories') }}

),

enriched as (

    select
        products.product_id as product_id,
        products.product_name as product_name,
        products.price as price,
        products.category_id as category_id,
        categories.category_name as category_name,
        products.product_class as product_class,
        products.resistant as resistant,
        products.is_allergic as is_allergic,
        products.vitality_days as vitality_days,
        products.modified_at as modified_at
    from products
    left join categories
        on products.category_id = categories.category_id

)

select
    {{ generate_surrogate_key(['product_id']) }} as product_sk,
    product_id,
    product_name,
    price,
    category_id,
    category_name,
    product_class,
    resistant,
    is_allergic,
    vitality_days,
    coalesce(vitality_days > 0, false) as is_perishable,
    case
        when price is null then 'unknown'
        when price < 10 then 'budget'
        when price < 50 then 'standard'
        else 'premium'
    end as price_tier,
    modified_at
from enriched
