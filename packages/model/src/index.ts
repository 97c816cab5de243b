export * from './schema.js';
export * from './json-schema.js';
export * from './queries.js';
export * from './diff.js';
export * from './field-words.js';
export * from './model-revisions.js';
export * from './next-year.js';
export * from './issues.js';
export { loadModelText, fileTooLarge, jsonSyntaxIssue, DEFAULT_MAX_BYTES } from './load.js';
export { validateModel, DEFAULT_MAX_ISSUES } from './validate.js';
export { summarizeModel } from './summary.js';
export { MIGRATIONS, migrateModel, type Migration, type MigrationResult } from './migrations.js';
export { checkReferences, indexModel, type ModelIndex } from './references.js';
export {
  lintModel,
  LINT_CODES,
  findPersonalData,
  type LintCode,
  type LintOptions,
  type PersonalDataHit,
} from './lint.js';
export { formatIssue } from './messages.js';
export { nearest } from './suggest.js';
export { schemaIssues, type RawIssue } from './schema-issues.js';
export { formatPath } from './paths.js';
export { calendarRegistryFor, modelKommuneId } from './calendar.js';
export {
  newcomerMeetingDates,
  planOfNewcomer,
  schoolDayOnOrAfter,
  NEWCOMER_MEETING_INTERVAL_DAYS,
  type NewcomerMeetingDate,
  type SchoolDaySource,
} from './newcomers.js';
