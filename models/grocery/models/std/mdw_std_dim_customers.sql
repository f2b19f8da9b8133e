with customers as (

    select
        customer_id,
        first_name,
        middle_initial,
        last_name,
        city_id,
        address
    from {{ ref('mdw_stg_customers') }}

),

cities as (

    select
        city_id,
        city_name,
        zipcode,
        country_id
    from {{ ref('mdw_stg_cities') }}

),

countries as (

    select
        country_id,
        country_name,
        country_code
    from {{ ref('mdw_stg_countries') }}

),

enriched as (

    select
        customers.customer_id as customer_id,
        customers.first_name as first_name,
        customers.middle_initial as middle_initial,
        customers.last_name as last_name,
        customers.address as address,
        customers.city_id as city_id,
        cities.city_name as city_name,
        cities.zipcode as zipcode,
        cities.country_id as country_id,
        countries.country_name as country_name,
        countries.country_code as country_code
    from customers
    left join cities
        on customers.city_id = cities.city_id
    left join countries
        on cities.country_id = countries.country_id

)

select
    {{ generate_surrogate_key(['customer_id']) }} as customer_sk,
    customer_id,
    first_name,
    middle_initial,
    last_name,
    concat_ws(' ', first_name, middle_initial, last_name) as full_name,
    address,
    city_id,
    city_name,
    zipcode,
    country_id,
    country_name,
    country_code
from enriched
