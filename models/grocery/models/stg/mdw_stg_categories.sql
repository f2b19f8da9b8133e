with source as (

    select
        categoryid,
        categoryname
    from {{ source('mdw_raw', 'categories') }}

),

renamed as (

    select
        try_cast(nullif(trim(categoryid), '') as integer) as category_id,
        nullif(trim(categoryname), '') as category_name
    from source

)

select
    category_id,
    category_name
from renamed
