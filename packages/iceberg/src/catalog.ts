import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createFileExclusively, replaceFileAtomically } from './atomic-file.js';
import { icebergError } from './iceberg-error.js';
import { type TableMetadata, tableMetadataSchema } from './table-metadata-schema.js';
import { uriFromPath } from './uri.js';

export interface TableIdent {
  schema: string;
  table: string;
}

export interface LoadedTable extends TableIdent {
  /** Absolute path of the table folder. */
  dir: string;
  /** N of the current `vN.metadata.json`. */
  version: number;
  metadataPath: string;
  metadata: TableMetadata;
}

/** Test seams: throw from one to simulate a crash at that point of a commit. */
export interface CommitHooks {
  /** Data, manifests and the new metadata file are written; the pointer has not moved. */
  beforePointerSwap?: () => void;
  /** The pointer moved; whatever follows (view refresh) has not run. */
  afterPointerSwap?: () => void;
}

const METADATA_FILE = /^v(\d+)\.metadata\.json$/;
const HINT = 'version-hint.text';

export function tableName(ident: TableIdent): string {
  return `${ident.schema}.${ident.table}`;
}

/**
 * A Hadoop-style file catalog: `<warehouse>/<schema>/<table>/metadata/v<N>.metadata.json`.
 * The commit point is the exclusive creation of `v<N+1>.metadata.json` — exactly one committer
 * can create it, so a writer whose base moved fails with E_ICEBERG_COMMIT_CONFLICT.
 * `version-hint.text` (what other readers such as icebird open) is then replaced atomically; if a
 * crash lands between the two, the next load finds the newer file and repairs the hint.
 */
export class FileCatalog {
  constructor(readonly warehouseDir: string) {}

  tableDir(ident: TableIdent): string {
    return join(this.warehouseDir, ident.schema.toLowerCase(), ident.table.toLowerCase());
  }

  metadataDir(ident: TableIdent): string {
    return join(this.tableDir(ident), 'metadata');
  }

  /** Current version number, 0 when the table does not exist. */
  currentVersion(ident: TableIdent): number {
    const dir = this.metadataDir(ident);
    if (!existsSync(dir)) return 0;
    let version = 0;
    try {
      version = Number.parseInt(readFileSync(join(dir, HINT), 'utf8').trim(), 10) || 0;
    } catch {
      for (const f of readdirSync(dir)) {
        const m = METADATA_FILE.exec(f);
        if (m) version = Math.max(version, Number(m[1]));
      }
    }
    if (version > 0 && !existsSync(join(dir, `v${version}.metadata.json`))) {
      throw icebergError('E_ICEBERG_METADATA', `table ${tableName(ident)}: ${HINT} points at v${version}.metadata.json, which is missing`, 'Restore the metadata folder or drop the table.');
    }
    while (existsSync(join(dir, `v${version + 1}.metadata.json`))) version += 1;
    return version;
  }

  exists(ident: TableIdent): boolean {
    return this.currentVersion(ident) > 0;
  }

  tryLoad(ident: TableIdent): LoadedTable | undefined {
    const version = this.currentVersion(ident);
    if (version === 0) return undefined;
    const metadataPath = join(this.metadataDir(ident), `v${version}.metadata.json`);
    const metadata = parseMetadata(readFileSync(metadataPath, 'utf8'), metadataPath);
    return { schema: ident.schema.toLowerCase(), table: ident.table.toLowerCase(), dir: this.tableDir(ident), version, metadataPath, metadata };
  }

  load(ident: TableIdent): LoadedTable {
    const t = this.tryLoad(ident);
    if (!t) {
      throw icebergError('E_ICEBERG_TABLE_NOT_FOUND', `Iceberg table ${tableName(ident)} does not exist in ${this.warehouseDir}`, 'Check the schema and table name, or build the model that creates it first.');
    }
    return t;
  }

  /** Rewrites version-hint.text when it lags behind the newest metadata file (crash repair). */
  repairHint(ident: TableIdent): void {
    const version = this.currentVersion(ident);
    if (version === 0) return;
    const hintPath = join(this.metadataDir(ident), HINT);
    let hinted = -1;
    try {
      hinted = Number.parseInt(readFileSync(hintPath, 'utf8').trim(), 10);
    } catch {
      // missing hint: write it
    }
    if (hinted !== version) replaceFileAtomically(hintPath, String(version));
  }

  /**
   * Commits `next` on top of `base` (undefined: create the table). Fails with
   * E_ICEBERG_COMMIT_CONFLICT when another writer committed since `base` was loaded.
   */
  commit(ident: TableIdent, base: LoadedTable | undefined, next: TableMetadata, hooks?: CommitHooks): LoadedTable {
    const dir = this.metadataDir(ident);
    mkdirSync(dir, { recursive: true });
    const baseVersion = base?.version ?? 0;
    const conflict = (): Error =>
      icebergError(
        'E_ICEBERG_COMMIT_CONFLICT',
        `commit to ${tableName(ident)} failed: another writer committed version ${this.currentVersion(ident)} after this one loaded version ${baseVersion}`,
        'Retry the write; it will be planned again on top of the new version.',
      );
    if (this.currentVersion(ident) !== baseVersion) throw conflict();
    const version = baseVersion + 1;
    const metadataPath = join(dir, `v${version}.metadata.json`);
    const withLog: TableMetadata = base && base.version > 0
      ? { ...next, 'metadata-log': [...(next['metadata-log'] ?? []), { 'timestamp-ms': base.metadata['last-updated-ms'], 'metadata-file': uriFromPath(base.metadataPath) }] }
      : next;
    const validated = tableMetadataSchema.parse(withLog);
    if (!createFileExclusively(metadataPath, JSON.stringify(validated, null, 2), hooks?.beforePointerSwap)) throw conflict();
    replaceFileAtomically(join(dir, HINT), String(version));
    hooks?.afterPointerSwap?.();
    return { schema: ident.schema.toLowerCase(), table: ident.table.toLowerCase(), dir: this.tableDir(ident), version, metadataPath, metadata: validated };
  }

  /** A table that is not committed yet (version 0): commit it to create the table. */
  draft(ident: TableIdent, metadata: TableMetadata): LoadedTable {
    const dir = this.tableDir(ident);
    return { schema: ident.schema.toLowerCase(), table: ident.table.toLowerCase(), dir, version: 0, metadataPath: join(dir, 'metadata', 'v0.metadata.json'), metadata };
  }

  /** Every table of the warehouse (folders with a metadata/ holding a vN.metadata.json). */
  list(): TableIdent[] {
    const out: TableIdent[] = [];
    if (!existsSync(this.warehouseDir)) return out;
    for (const s of readdirSync(this.warehouseDir, { withFileTypes: true })) {
      if (!s.isDirectory() || s.name.startsWith('.')) continue;
      for (const t of readdirSync(join(this.warehouseDir, s.name), { withFileTypes: true })) {
        if (!t.isDirectory() || t.name.startsWith('.')) continue;
        const ident = { schema: s.name, table: t.name };
        if (this.exists(ident)) out.push(ident);
      }
    }
    return out.sort((a, b) => tableName(a).localeCompare(tableName(b)));
  }

  /** Removes a table and its files. The folder is first renamed away, so a crash never leaves half a table. */
  drop(ident: TableIdent): void {
    const dir = this.tableDir(ident);
    if (!existsSync(dir)) return;
    const trash = join(this.warehouseDir, ident.schema.toLowerCase(), `.dropped-${ident.table.toLowerCase()}-${randomUUID()}`);
    renameSync(dir, trash);
    rmSync(trash, { recursive: true, force: true });
  }
}

export function parseMetadata(text: string, where: string): TableMetadata {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw icebergError('E_ICEBERG_METADATA', `${where} is not valid JSON`, 'Restore the file from the previous metadata version.', e);
  }
  const r = tableMetadataSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw icebergError('E_ICEBERG_METADATA', `${where} is not Iceberg v2 table metadata: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`, 'Lakeform reads format-version 2 tables only.');
  }
  return r.data;
}
