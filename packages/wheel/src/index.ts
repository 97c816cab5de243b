export * from './time-scale.js';
export * from './ring-layout.js';
export * from './lanes.js';
export * from './labels.js';
export * from './spec.js';
export * from './layout.js';
export * from './hit-test.js';
export * from './svg.js';
