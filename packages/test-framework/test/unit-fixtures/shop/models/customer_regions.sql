select id, '{{ env_var("REGION", "eu") }}' as region, {{ current_day() }} as as_of
from {{ ref('stg_customers') }}
