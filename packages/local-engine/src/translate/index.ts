export { translateSql, clearTranslationCache, translationCacheStats } from './translate-sql.js';
export { TRINO_COMPAT_MACROS, TRINO_COMPAT_MACRO_NAMES, installTrinoCompat, type SqlRunner } from './compat-macros.js';
export { supportedFunctionNames } from './function-catalog.js';
export type { TranslateContext } from './unsupported-sql.js';
