/**
 * Lakeform's Jinja engine: Jinja2 3.1 semantics as dbt uses them (`do` and `loopcontrols`
 * extensions, dbt's test/materialization/snapshot/docs tags, autoescape off, no
 * trim_blocks/lstrip_blocks, trailing newline dropped).
 *
 * Value representation (see values.ts for details):
 *   str → string, int → integral number, float → non-integral number or PyFloat (boxes
 *   integral floats such as 1.0; build with makeFloat), bool → boolean, None → null,
 *   list → Array, tuple → Array tagged via makeTuple (isTuple), dict → plain object,
 *   undefined → Undefined. Host functions receive unboxed numbers and a trailing Kwargs
 *   when the call site used keyword arguments.
 */
export {
  Environment,
  Template,
  MacroDefinition,
  bindArguments,
  type EnvironmentOptions,
  type RenderOptions,
  type FilterFn,
  type TestFn,
  type DocsBlock,
  type SnapshotBlock,
} from './environment.js';
export { JinjaSyntaxError, JinjaRuntimeError } from './errors.js';
export { Macro, Builtin, Namespace, RAW_ARGS, returnFunction } from './runtime.js';
export {
  Kwargs,
  PyFloat,
  UNDEFINED,
  Undefined,
  isFloat,
  isInt,
  isTuple,
  isUndefined,
  isDict,
  makeFloat,
  makeTuple,
  pyEq,
  pyRepr,
  pyStr,
  truthy,
  unbox,
  unboxDeep,
} from './values.js';
