/** @lakeform/runner — the engine-agnostic DAG executor and the Engine interface. See README.md. */
export * from './engine.js';
