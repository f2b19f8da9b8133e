with employees as (

    select
        employee_id,
        first_name,
        middle_initial,
        last_name,
        birth_date,
        gender,
        city_id,
        hired_at
    from {{ ref('mdw_stg_employees') }}

),

cities as (

    select
        city_id,
        city_name,
        country_id
    from {{ ref('mdw_stg_cities') }}

),

countries as (

    select
        country_id,
        country_name
    from {{ ref('mdw_stg_countries') }}

),

enriched as (

    select
        employees.employee_id as employee_id,
        employees.first_name as first_name,
        employees.middle_initial as middle_initial,
        employees.last_name as last_name,
        employees.birth_date as birth_date,
        employees.gender as gender,
        employees.hired_at as hired_at,
        employees.city_id as city_id,
        cities.city_name as city_name,
        cities.country_id as country_id,
        countries.country_name as country_name
    from employees
    left join cities
        on employees.city_id = cities.city_id
    left join countries
        on cities.country_id = countries.country_id

)

select
    {{ generate_surrogate_key(['employee_id']) }} as employee_sk,
    employee_id,
    first_name,
    middle_initial,
    last_name,
    concat_ws(' ', first_name, middle_initial, last_name) as full_name,
    gender,
    case gender
        when 'M' then 'Male'
        when 'F' then 'Female'
        else 'Unknown'
    end as gender_description,
    birth_date,
    hired_at,
    cast(hired_at as date) as hire_date,
    date_diff('year', birth_date, cast(hired_at as date)) as age_at_hire,
    city_id,
    city_name,
    country_id,
    country_name
from enriched
