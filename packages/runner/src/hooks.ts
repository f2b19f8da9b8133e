import { z } from 'zod';
import { LakeformError, type ManifestNode } from '@lakeform/sql-compiler';
import { errorMessage } from './error-message.js';

/** One hook as the manifest records it (dbt's `{sql, transaction, index}`). */
export interface Hook {
  sql: string;
  transaction: boolean;
  index: number;
}

export type HookKind = 'pre-hook' | 'post-hook' | 'on-run-start' | 'on-run-end';

export interface RunHooksOptions {
  /** Decides the order (see `orderHooks`) and names the hook in errors. Default 'on-run-start'. */
  kind?: HookKind;
  /** Whose hooks these are: a node's unique_id, or the project name for on-run-start/end. */
  owner?: string;
  /** A hook not yet started when this aborts is not started. */
  signal?: AbortSignal;
}

export type HooksOutcome =
  | { status: 'success'; ran: number }
  | {
      status: 'error';
      ran: number;
      /** Hooks after the failed one that were not run. */
      notRun: number;
      failed: Hook;
      /** dbt's hook name: "<owner>.<kind>.<index>". */
      hookName: string;
      error: LakeformError;
    };

/**
 * dbt's order: pre-hooks that run outside the transaction come before those inside it, and
 * post-hooks inside the transaction before those outside (after the commit). on-run-start/end
 * run as listed. Within a group, by index.
 */
export function orderHooks(hooks: readonly Hook[], kind: HookKind): Hook[] {
  const byIndex = [...hooks].sort((a, b) => a.index - b.index);
  if (kind === 'pre-hook') return [...byIndex.filter((h) => !h.transaction), ...byIndex.filter((h) => h.transaction)];
  if (kind === 'post-hook') return [...byIndex.filter((h) => h.transaction), ...byIndex.filter((h) => !h.transaction)];
  return byIndex;
}

/**
 * Runs hooks one after another; the first failure stops the rest and comes back as an error that
 * names the hook and shows the start of its SQL. Blank hooks are skipped, as dbt skips them.
 */
export async function runHooks(hooks: readonly Hook[], exec: (sql: string) => Promise<unknown>, opts: RunHooksOptions = {}): Promise<HooksOutcome> {
  const kind = opts.kind ?? 'on-run-start';
  const ordered = orderHooks(hooks, kind).filter((h) => h.sql.trim() !== '');
  let ran = 0;
  for (const [i, hook] of ordered.entries()) {
    const hookName = `${opts.owner ? `${opts.owner}.` : ''}${kind}.${hook.index}`;
    if (opts.signal?.aborted) {
      const error = new LakeformError({
        code: 'E_HOOK_INTERRUPTED',
        message: `${hookName} was not run: the run was interrupted`,
        hint: 'run the command again to run the remaining hooks',
        ...(opts.owner ? { node: opts.owner } : {}),
      });
      return { status: 'error', ran, notRun: ordered.length - i, failed: hook, hookName, error };
    }
    try {
      await exec(hook.sql);
      ran++;
    } catch (cause) {
      const error = new LakeformError({
        code: 'E_HOOK_FAILED',
        message: `${hookName} failed (${sqlPreview(hook.sql)}): ${errorMessage(cause)}`,
        hint: `fix the hook's SQL where the ${kind} is configured (dbt_project.yml or the model's config); the hooks after it were not run`,
        ...(opts.owner ? { node: opts.owner } : {}),
        cause,
      });
      return { status: 'error', ran, notRun: ordered.length - i - 1, failed: hook, hookName, error };
    }
  }
  return { status: 'success', ran };
}

function sqlPreview(sql: string): string {
  const oneLine = sql.trim().replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}

const HookEntrySchema = z.union([
  z.string(),
  z.looseObject({ sql: z.string(), transaction: z.boolean().optional(), index: z.number().int().nullable().optional() }),
]);

/**
 * A node's pre- or post-hooks from its manifest config. dbt stores `{sql, transaction, index}`;
 * a bare string (as written in YAML before normalising) is a hook inside the transaction.
 * Entries that are neither are a compiler bug and raise E_HOOK_INVALID.
 */
export function nodeHooks(node: ManifestNode, kind: 'pre-hook' | 'post-hook'): Hook[] {
  const raw = node.config[kind] ?? [];
  return raw.map((entry, position) => {
    const parsed = HookEntrySchema.safeParse(entry);
    if (!parsed.success) {
      throw new LakeformError({
        code: 'E_HOOK_INVALID',
        message: `${kind} ${position} of ${node.unique_id} is not SQL text or {sql, transaction}`,
        node: node.unique_id,
        location: { file: node.original_file_path },
        hint: `write the ${kind} as a SQL string in the model's config`,
      });
    }
    const h = parsed.data;
    if (typeof h === 'string') return { sql: h, transaction: true, index: position };
    return { sql: h.sql, transaction: h.transaction ?? true, index: h.index ?? position };
  });
}
