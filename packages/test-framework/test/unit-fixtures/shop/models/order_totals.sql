with orders as (
  select customer_id, amount from {{ ref('stg_orders') }}
)
select c.id as customer_id, c.name, coalesce(sum(o.amount), 0) as total, count(o.customer_id) as order_count
from {{ ref('stg_customers') }} c
left join orders o on o.customer_id = c.id
group by c.id, c.name
