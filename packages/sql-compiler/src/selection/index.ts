/**
 * dbt-style node selection: `--select`/`--exclude` specs, graph operators, selectors.yml,
 * state comparison and indirect test selection over a `SelectionGraph`.
 */
export {
  RESOURCE_TYPES,
  buildSelectionGraph,
  isGraphMember,
  type ResourceType,
  type SelectableNode,
  type SelectionGraph,
  type TestMetadata,
} from './graph.js';
export {
  INDIRECT_SELECTION_MODES,
  SELECTION_METHODS,
  STATE_CHECKS,
  parseCriterion,
  parseSelectArgs,
  type IndirectSelectionMode,
  type SelectionCriterion,
  type SelectionMethod,
  type SelectionSpec,
  type StateCheck,
} from './spec-parser.js';
export { ancestors, descendants, childrensParents } from './graph-operators.js';
export {
  SelectorDefinitionSchema,
  SelectorsFileSchema,
  defaultSelector,
  parseSelectorsFile,
  parseSelectorsYaml,
  selectorSpec,
  type SelectorCriterionDefinition,
  type SelectorDefinition,
  type SelectorDefinitionItem,
  type SelectorEntry,
  type SelectorExcludeItem,
  type SelectorIntersectionDefinition,
  type SelectorShorthandDefinition,
  type SelectorUnionDefinition,
  type SelectorsFile,
} from './selectors-file.js';
export { select, selectNodes, type SelectOptions, type SelectionResult, type UnmatchedSpec } from './select.js';
