export * from './types.js';
export {
  parseCadence,
  suggestPhrase,
  KNOWN_PHRASES,
  type ParseResult,
  type ParseOptions,
} from './parse.js';
export { normalizePhrase } from './normalize.js';
export { renderRule, renderCadence } from './render.js';
export {
  expandCadence,
  intervalDates,
  DEFAULT_POLICY,
  type ExpandOptions,
  type HolidayPolicy,
} from './expand.js';
export {
  formatRRule,
  validateRRule,
  rruleBetween,
  type RRuleParts,
} from './engine/rrule-adapter.js';
export { formatMessage, type MessageCode } from './messages.js';
export {
  cadenceFieldSchema,
  cadenceObjectInputSchema,
  CADENCE_ISSUE,
  type CadenceFieldInput,
} from './field.js';
export { spreadSuggestedDates, type SpreadItem } from './spread.js';
