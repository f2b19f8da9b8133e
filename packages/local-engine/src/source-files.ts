import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, resolve } from 'node:path';
import { LakeformError, type ManifestSource } from '@lakeform/sql-compiler';

export type SourceFormat = 'csv' | 'json' | 'parquet';

export interface SourceFiles {
  format: SourceFormat;
  files: string[];
  /** Where we looked, for messages. */
  location: string;
  /**
   * What a reader should scan: glob patterns when the location is a folder of files with data
   * extensions (so files added later are read, as Athena would), else the files themselves.
   */
  patterns: string[];
  /** Files sit in `key=value` folders (a partitioned external table): the keys become columns. */
  hivePartitioned: boolean;
}

const FORMAT_BY_EXT: Record<string, SourceFormat> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.json': 'json',
  '.jsonl': 'json',
  '.ndjson': 'json',
  '.parquet': 'parquet',
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** The declared format (meta.format / external.file_format / config), normalised. */
function declaredFormat(src: ManifestSource): SourceFormat | undefined {
  const external = (src.external ?? {}) as Record<string, unknown>;
  const cfg = src.config as Record<string, unknown>;
  const raw = str(src.meta['format']) ?? str(cfg['format']) ?? str(external['file_format']) ?? str(src.meta['file_format']);
  if (!raw) return undefined;
  const f = raw.toLowerCase();
  if (f.includes('csv') || f === 'textfile' || f === 'text') return 'csv';
  if (f.includes('json')) return 'json';
  if (f.includes('parquet')) return 'parquet';
  return undefined;
}

/** The location a source names for itself: meta/config `external_location` or dbt-external-tables' `external.location`. */
function declaredLocation(src: ManifestSource): string | undefined {
  const external = (src.external ?? {}) as Record<string, unknown>;
  const cfg = src.config as Record<string, unknown>;
  const cfgMeta = (cfg['meta'] ?? {}) as Record<string, unknown>;
  return str(src.meta['external_location']) ?? str(cfg['external_location']) ?? str(cfgMeta['external_location']) ?? str(external['location']);
}

/**
 * A declared location, on this machine. Relative paths sit under the sources root (else the
 * project); `s3://bucket/key` keeps its key under the sources root, so a project whose raw data
 * lives in S3 runs locally given a copy of the files laid out the same way.
 */
function localPath(location: string, projectDir: string, sourcesRoot: string | undefined): string {
  const base = sourcesRoot ?? projectDir;
  const s3 = /^s3a?:\/\/[^/]+\/?(.*)$/i.exec(location);
  if (s3) return resolve(base, s3[1] ?? '');
  if (location.startsWith('file://')) return location.slice('file://'.length);
  return isAbsolute(location) ? location : resolve(base, location);
}

function listData(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      // Hidden and underscore files are Spark/Hadoop markers (_SUCCESS, .crc), never data.
      if (e.name.startsWith('.') || e.name.startsWith('_')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

function formatOf(files: string[], declared: SourceFormat | undefined, src: ManifestSource, where: string): SourceFormat {
  if (declared) return declared;
  const kinds = new Set(files.map((f) => FORMAT_BY_EXT[extname(f).toLowerCase()]).filter((k): k is SourceFormat => !!k));
  if (kinds.size === 1) return [...kinds][0]!;
  throw new LakeformError({
    code: 'E_SOURCE_FORMAT',
    message: `cannot tell the file format of source '${src.source_name}.${src.name}' from the files in ${where}`,
    hint: `set meta: {format: csv | json | parquet} on the source table in ${src.original_file_path}`,
  });
}

function fromPath(path: string, src: ManifestSource): SourceFiles | undefined {
  if (!existsSync(path)) return undefined;
  const isDir = statSync(path).isDirectory();
  const files = isDir ? listData(path) : [path];
  if (files.length === 0) return undefined;
  const exts = [...new Set(files.map((f) => extname(f)))];
  const globbable = isDir && exts.every((e) => e.toLowerCase() in FORMAT_BY_EXT) && !files.some((f) => f.includes('*') || f.includes('?') || f.includes('['));
  const patterns = globbable ? exts.map((e) => join(path, '**', `*${e}`)) : files;
  const hivePartitioned = isDir && files.some((f) => f.slice(path.length).split(/[\\/]/).slice(0, -1).some((seg) => /^[^=]+=[^=]*$/.test(seg)));
  return { format: formatOf(files, declaredFormat(src), src, path), files, location: path, patterns, hivePartitioned };
}

/**
 * Finds the files behind a source table, the way Athena would read its external table: the
 * declared location first; else, under the profile's `sources_root`, `<schema>/<table>/`,
 * `<table>/`, or `<table>.csv|.json|.jsonl|.parquet` (by identifier, then by source table name).
 */
export function locateSourceFiles(src: ManifestSource, projectDir: string, sourcesRoot: string | undefined): SourceFiles {
  const declared = declaredLocation(src);
  const tried: string[] = [];
  if (declared) {
    const p = localPath(declared, projectDir, sourcesRoot);
    const found = fromPath(p, src);
    if (found) return found;
    tried.push(p);
  } else if (sourcesRoot) {
    for (const name of [...new Set([src.identifier, src.name])]) {
      for (const p of [join(sourcesRoot, src.schema, name), join(sourcesRoot, name), ...Object.keys(FORMAT_BY_EXT).map((e) => join(sourcesRoot, `${name}${e}`))]) {
        const found = fromPath(p, src);
        if (found) return found;
        tried.push(p);
      }
    }
  }
  throw new LakeformError({
    code: 'E_SOURCE_NOT_FOUND',
    message: declared || sourcesRoot
      ? `no data files for source '${src.source_name}.${src.name}' (looked in ${tried.slice(0, 3).join(', ')}${tried.length > 3 ? ', …' : ''})`
      : `source '${src.source_name}.${src.name}' has no location to read locally`,
    hint: declared || sourcesRoot
      ? 'put the raw files there (e.g. generate them with tools/datagen), or fix meta.external_location'
      : `give the table meta: {external_location: path/to/files/} in ${src.original_file_path}, or set sources_root in the local target of profiles.yml`,
    location: { file: src.original_file_path },
  });
}
