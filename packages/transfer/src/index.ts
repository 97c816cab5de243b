/**
 * @arshjul/transfer — adapting a collaboration model for another district: the mapping, its
 * checks, the adapted model with provenance and an adaptation report, privacy (no personal data
 * in a transfer file), and the source's yearly updates as a three-way merge.
 */
export * from './mapping.js';
export * from './json-schema.js';
export * from './map.js';
export * from './check.js';
export * from './adapt.js';
export * from './starter.js';
export * from './report.js';
export * from './privacy.js';
export * from './merge.js';
