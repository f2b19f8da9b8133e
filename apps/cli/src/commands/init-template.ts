/** The files `lakeform init` writes: a small working project on the local engine. */
export function initFiles(name: string): Record<string, string> {
  return {
    'dbt_project.yml': `name: ${name}
version: '1.0.0'
config-version: 2
profile: ${name}

model-paths: ['models']
seed-paths: ['seeds']
test-paths: ['tests']
macro-paths: ['macros']
snapshot-paths: ['snapshots']

models:
  ${name}:
    staging:
      +materialized: view
    marts:
      +materialized: table
      +table_type: iceberg
`,
    'profiles.yml': `${name}:
  target: dev
  outputs:
    dev:
      type: local            # the embedded engine: DuckDB + Iceberg tables under .lakeform/
      schema: main
      threads: 4
    prod:
      type: athena
      s3_staging_dir: "{{ env_var('LAKEFORM_S3_STAGING_DIR', 's3://my-bucket/athena-results/') }}"
      s3_data_dir: "{{ env_var('LAKEFORM_S3_DATA_DIR', 's3://my-bucket/data/') }}"
      region_name: "{{ env_var('AWS_REGION', 'eu-west-1') }}"
      database: awsdatacatalog
      schema: ${name}
      work_group: primary
      threads: 8
`,
    'packages.yml': `packages:
  - package: dbt-labs/dbt_utils     # built into Lakeform: no download
    version: [">=1.0.0", "<2.0.0"]
`,
    'seeds/raw_orders.csv': `id,customer_id,ordered_at,status,amount
1,1,2024-01-01 10:00:00,completed,12.50
2,2,2024-01-01 11:30:00,completed,8.00
3,1,2024-01-02 09:15:00,returned,20.00
`,
    'models/staging/stg_orders.sql': `select
    cast(id as integer) as order_id,
    cast(customer_id as integer) as customer_id,
    cast(ordered_at as timestamp) as ordered_at,
    status,
    cast(amount as decimal(10, 2)) as amount
from {{ ref('raw_orders') }}
`,
    'models/marts/daily_revenue.sql': `{{ config(partitioned_by=['order_date']) }}

{% set statuses = ['completed', 'returned'] %}

select
    {% for s in statuses %}
    sum(case when status = '{{ s }}' then amount else 0 end) as {{ s }}_amount,
    {% endfor %}
    count(*) as orders,
    cast(date_trunc('day', ordered_at) as date) as order_date
from {{ ref('stg_orders') }}
group by 4
`,
    'models/schema.yml': `version: 2

models:
  - name: stg_orders
    description: One row per order, typed.
    columns:
      - name: order_id
        data_tests: [unique, not_null]
      - name: status
        data_tests:
          - accepted_values:
              values: ['completed', 'returned']
  - name: daily_revenue
    description: Revenue per day and status.
    columns:
      - name: order_date
        data_tests: [unique, not_null]
`,
    'macros/.gitkeep': '',
    'tests/.gitkeep': '',
    'snapshots/.gitkeep': '',
    '.gitignore': 'target/\n.lakeform/\nlogs/\n',
  };
}
