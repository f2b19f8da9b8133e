import { asSubquery, ddlIdentifier } from './sql-text.js';
import type { RelationTarget } from './plan-tests.js';

/**
 * dbt's store_failures: the failing rows of a test kept in `<schema>.<test alias>`, replaced on
 * every run (stored for passing tests too, then empty). Identifiers go unquoted when they are
 * plain names, the one form both Athena's Hive DDL and its Trino DML accept.
 */
export function storeFailuresStatements(target: RelationTarget, compiled: string, as: 'table' | 'view'): string[] {
  const schema = ddlIdentifier(target.schema);
  const name = `${schema}.${ddlIdentifier(target.identifier)}`;
  const body = `select *\nfrom (\n  ${asSubquery(compiled)}\n) dbt_internal_test`;
  return [
    `create schema if not exists ${schema}`,
    as === 'table' ? `drop table if exists ${name}` : `drop view if exists ${name}`,
    as === 'table' ? `create table ${name} as\n${body}` : `create view ${name} as\n${body}`,
  ];
}
