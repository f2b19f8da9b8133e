with source as (

    select
        employeeid,
        firstname,
        middleinitial,
        lastname,
        birthdate,
        gender,
        cityid,
        hiredate
    from {{ source('mdw_raw', 'employees') }}

),

renamed as (

    select
        try_cast(nullif(trim(employeeid), '') as integer) as employee_id,
        nullif(trim(firstname), '') as first_name,
        nullif(trim(middleinitial), '') as middle_initial,
        nullif(trim(lastname), '') as last_name,
        cast(try(date_parse(nullif(trim(birthdate), ''), '%Y-%m-%d %H:%i:%s.%f')) as date) as birth_date,
        upper(nullif(trim(gender), '')) as gender,
        try_cast(nullif(trim(cityid), '') as integer) as city_id,
        try(date_parse(nullif(trim(hiredate), ''), '%Y-%m-%d %H:%i:%s.%f')) as hired_at
    from source

)

select
    employee_id,
    first_name,
    middle_initial,
    last_name,
    birth_date,
    gender,
    city_id,
    hired_at
from renamed
