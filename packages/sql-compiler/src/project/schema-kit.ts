import * as z from 'zod';

/**
 * Building blocks shared by the file schemas. Two side tables annotate schemas without touching
 * zod's global registry (other packages may export JSON schema from it):
 *  - free-form areas, whose keys belong to the user (meta, vars, config trees) and are never
 *    reported as unknown;
 *  - deprecated keys, which load but earn a warning.
 */
const freeFormSchemas = new WeakSet<z.ZodType>();
const deprecations = new WeakMap<z.ZodType, string>();

/** Marks a schema whose keys are the user's own: the unknown-key check does not look inside. */
export function freeForm<T extends z.ZodType>(schema: T): T {
  freeFormSchemas.add(schema);
  return schema;
}

export function isFreeForm(schema: z.ZodType): boolean {
  return freeFormSchemas.has(schema);
}

/** Marks a key's schema as deprecated; `advice` completes "'<key>' is deprecated; …". */
export function deprecated<T extends z.ZodType>(schema: T, advice: string): T {
  deprecations.set(schema, advice);
  return schema;
}

export function deprecationOf(schema: z.ZodType): string | undefined {
  return deprecations.get(schema);
}

/**
 * An optional key that may also be present but empty (`columns:` with nothing after it), which
 * dbt projects do all the time; both mean "absent".
 */
export function opt<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === null ? undefined : v), schema.optional()).optional();
}

/** Any mapping with user-chosen keys (meta, vars, settings …). */
export const freeMapping = () => freeForm(z.record(z.string(), z.unknown()));

/** `tags: a` and `tags: [a, b]` are both dbt; consumers get a list. */
export const stringOrList = () =>
  z
    .union([z.string(), z.array(z.string())], { error: 'a string or a list of strings' })
    .transform((v) => (typeof v === 'string' ? [v] : v));

/** Values like `version: 1.0` or `revision: 0.9.1` that YAML may read as numbers but mean text. */
export const looseString = () =>
  z.union([z.string(), z.number()], { error: 'a string' }).transform((v) => String(v));

/** Jinja text, which the compiler renders later (schema files are returned unrendered). */
const jinjaText = z.string().regex(/\{\{|\{%/, { error: 'must be true or false (or a Jinja expression)' });

/** A boolean in a file that is rendered later, so `"{{ target.name == 'prod' }}"` is allowed. */
export const boolOrJinja = () => z.union([z.boolean(), jinjaText], { error: 'true or false (or a Jinja expression)' });

/**
 * Integers that may arrive as text after `{{ env_var('THREADS') }}` is rendered; dbt renders
 * profiles natively, so "4" means 4.
 */
export const intLike = () =>
  z.preprocess((v) => (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v) ? Number(v) : v), z.int({ error: 'a whole number' }));

/** As intLike, for fractional values such as poll intervals. */
export const numberLike = () =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v),
    z.number(),
  );

/** Booleans that may arrive as rendered text ("True", "false"). */
export const boolLike = () =>
  z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    const t = v.trim().toLowerCase();
    return t === 'true' ? true : t === 'false' ? false : v;
  }, z.boolean());

/** dbt resource and project names: letters, digits and underscores, not starting with a digit. */
export const identifier = () =>
  z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
    error: 'must contain only letters, digits and underscores, and not start with a digit',
  });

/** A required, non-empty name. */
export const requiredName = () => z.string().min(1);
