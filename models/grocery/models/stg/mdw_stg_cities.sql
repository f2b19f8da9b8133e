with source as (

    select
        cityid,
        cityname,
        zipcode,
        countryid
    from {{ source('mdw_raw', 'cities') }}

),

renamed as (

    select
        try_cast(nullif(trim(cityid), '') as integer) as city_id,
        nullif(trim(cityname), '') as city_name,
        nullif(trim(zipcode), '') as zipcode,
        try_cast(nullif(trim(countryid), '') as integer) as country_id
    from source

)

select
    city_id,
    city_name,
    zipcode,
    country_id
from renamed
