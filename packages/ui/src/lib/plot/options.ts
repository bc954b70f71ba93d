// The chart modules in one import: each chart lives in its own module under charts/ (options builder, data
// shaping and its table); this file only re-exports them.
export * from './charts/costs.ts';
export * from './charts/delta.ts';
export * from './charts/components.ts';
export * from './charts/waterfall.ts';
export * from './charts/methods.ts';
export * from './charts/flow.ts';
export { chartHeaders, type Chart, type ChartHeaders, type Names } from './chart.ts';
