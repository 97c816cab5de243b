export * from './schema.js';
export {
  revisionDueDates,
  unscheduledReason,
  beforeFirstRevision,
  subtractLead,
  type DueDate,
  type DueOptions,
} from './due.js';
export {
  revisionStatus,
  recordRevision,
  latestRecord,
  type RevisionState,
  type RevisionStatus,
  type StatusOptions,
} from './status.js';
export {
  diffValues,
  diffCollections,
  formatChange,
  formatValue,
  changeLogEntry,
  type FieldChange,
  type EntityChange,
} from './diff.js';
export { revisionMessage, type RevisionMessageCode } from './messages.js';
