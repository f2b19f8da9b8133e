import type * as z from 'zod';
import { deprecationOf, isFreeForm } from './schema-kit.js';
import { isPlainMapping, type YamlPath } from './yaml-path.js';

export interface KeyFinding {
  kind: 'unknown' | 'deprecated';
  /** Path of the mapping that holds the key. */
  path: YamlPath;
  key: string;
  /** Keys the schema knows at that place (for suggestions). */
  known: readonly string[];
  /** For deprecated keys: what to do instead. */
  advice?: string;
}

type Def = z.core.$ZodTypes['_zod']['def'];
type Kind = 'list' | 'mapping' | 'scalar' | 'any';

/**
 * Walks a value alongside the schema that accepted it and reports keys the schema does not
 * declare. zod's loose objects keep such keys (so nothing is lost) but say nothing about them,
 * and a typo like `desciption` would otherwise vanish silently. One pass, linear in the document.
 */
export function findUnknownKeys(schema: z.ZodType, value: unknown, basePath: YamlPath = []): KeyFinding[] {
  const findings: KeyFinding[] = [];
  walk(schema, value, [...basePath], findings);
  return findings;
}

function walk(schema: z.ZodType, value: unknown, path: (string | number)[], out: KeyFinding[]): void {
  if (value === undefined || value === null || isFreeForm(schema)) return;
  const def = schema._zod.def as Def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      walk(def.innerType as z.ZodType, value, path, out);
      return;
    case 'pipe': {
      // preprocess = transform → schema; `.transform()` = schema → transform. Walk the schema side.
      const inner = (def.in as z.ZodType)._zod.def.type === 'transform' ? def.out : def.in;
      walk(inner as z.ZodType, value, path, out);
      return;
    }
    case 'lazy':
      walk(def.getter() as z.ZodType, value, path, out);
      return;
    case 'array':
      if (Array.isArray(value)) {
        value.forEach((item, i) => {
          path.push(i);
          walk(def.element as z.ZodType, item, path, out);
          path.pop();
        });
      }
      return;
    case 'record':
      if (isPlainMapping(value)) {
        for (const [k, v] of Object.entries(value)) {
          path.push(k);
          walk(def.valueType as z.ZodType, v, path, out);
          path.pop();
        }
      }
      return;
    case 'object': {
      if (!isPlainMapping(value)) return;
      const shape = def.shape as Record<string, z.ZodType>;
      const catchall = def.catchall as z.ZodType | undefined;
      const catchallType = catchall?._zod.def.type;
      const typedCatchall = catchall && catchallType !== 'unknown' && catchallType !== 'any' && catchallType !== 'never';
      let known: string[] | undefined;
      for (const [k, v] of Object.entries(value)) {
        const field = Object.prototype.hasOwnProperty.call(shape, k) ? shape[k] : undefined;
        if (field) {
          const advice = deprecationOf(field);
          if (advice !== undefined) out.push({ kind: 'deprecated', path: [...path], key: k, known: [], advice });
          path.push(k);
          walk(field, v, path, out);
          path.pop();
        } else if (typedCatchall) {
          path.push(k);
          walk(catchall, v, path, out);
          path.pop();
        } else {
          known ??= Object.keys(shape);
          out.push({ kind: 'unknown', path: [...path], key: k, known });
        }
      }
      return;
    }
    case 'union': {
      const branch = pickBranch(def.options as readonly z.ZodType[], value);
      if (branch) walk(branch, value, path, out);
      return;
    }
    default:
      return;
  }
}

/**
 * The union member that describes this value. By kind first (list / mapping / scalar), which
 * settles nearly every union in these schemas without parsing; by trial parse when several
 * members have the same kind (package entries, versioned columns).
 */
function pickBranch(options: readonly z.ZodType[], value: unknown): z.ZodType | undefined {
  const kind: Kind = Array.isArray(value) ? 'list' : isPlainMapping(value) ? 'mapping' : 'scalar';
  const candidates = options.filter((o) => {
    const k = kindOf(o);
    return k === kind || k === 'any';
  });
  if (candidates.length <= 1) return candidates[0];
  return candidates.find((o) => o.safeParse(value).success);
}

function kindOf(schema: z.ZodType): Kind {
  const def = schema._zod.def as Def;
  switch (def.type) {
    case 'array':
    case 'tuple':
      return 'list';
    case 'object':
    case 'record':
    case 'map':
      return 'mapping';
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return kindOf(def.innerType as z.ZodType);
    case 'pipe':
      return kindOf(((def.in as z.ZodType)._zod.def.type === 'transform' ? def.out : def.in) as z.ZodType);
    case 'lazy':
      return kindOf(def.getter() as z.ZodType);
    case 'union':
    case 'unknown':
    case 'any':
    case 'custom':
    case 'intersection':
      return 'any';
    default:
      return 'scalar';
  }
}
