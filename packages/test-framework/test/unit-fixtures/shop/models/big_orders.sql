select id, amount from {{ ref('stg_orders') }} where amount >= {{ var('min_amount') }}
