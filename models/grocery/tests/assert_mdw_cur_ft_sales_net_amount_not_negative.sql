-- A sales line never earns negative revenue: a discount can at most cancel the gross amount.
-- Returns the offending lines; the test passes when it returns no rows.
select
    sales_id,
    partition,
    gross_amount,
    discount_amount,
    net_amount
from {{ ref('mdw_cur_ft_sales') }}
where net_amount < 0
