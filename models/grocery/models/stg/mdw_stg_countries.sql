with source as (

    select
        countryid,
        countryname,
        countrycode
    from {{ source('mdw_raw', 'countries') }}

),

renamed as (

    select
        try_cast(nullif(trim(countryid), '') as integer) as country_id,
        nullif(trim(countryname), '') as country_name,
        upper(nullif(trim(countrycode), '')) as country_code
    from source

)

select
    country_id,
    country_name,
    country_code
from renamed
