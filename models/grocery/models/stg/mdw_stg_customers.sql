with source as (

    select
        customerid,
        firstname,
        middleinitial,
        lastname,
        cityid,
        address
    from {{ source('mdw_raw', 'customers') }}

),

renamed as (

    select
        try_cast(nullif(trim(customerid), '') as integer) as customer_id,
        nullif(trim(firstname), '') as first_name,
        nullif(trim(middleinitial), '') as middle_initial,
        nullif(trim(lastname), '') as last_name,
        try_cast(nullif(trim(cityid), '') as integer) as city_id,
        nullif(trim(address), '') as address
    from source

)

select
    customer_id,
    first_name,
    middle_initial,
    last_name,
    city_id,
    address
from renamed
