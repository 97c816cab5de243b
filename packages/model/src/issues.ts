/**
 * What validation reports: issues (errors and warnings) with a path into the file, a stable code
 * and a message in the user's language, and the result of validating a model.
 */
import type { IsoDate, Lang } from '@arshjul/school-calendar';
import type { Model } from './schema.js';
import type { Migration } from './migrations.js';

export type Severity = 'error' | 'warning';

export interface Issue {
  /** Where in the file: `structures[12].cadence`, `organisation.schools[3].memberships[0].to`; `` for the root. */
  path: string;
  /** Stable for programs, e.g. `schema.invalid-type`, `ref.unknown`, `no-revision-cycle`. */
  code: string;
  /** For people, in the language asked for. */
  message: string;
  severity: Severity;
  /** The particulars of the message (ids, values, suggestions), for programs and tests. */
  params?: Record<string, string | number>;
}

export interface ModelSummary {
  structures: { strategisk: number; organisatorisk: number; operativt: number; total: number };
  schools: number;
  /** Schools with a membership period covering the `asOf` date. */
  activeSchools: number;
  areas: number;
  documents: number;
  roles: number;
  /** Revision rules. */
  revisions: number;
  onboardingPlans: number;
  routines: number;
}

export interface ValidateOptions {
  /** Language of the messages; bokmål when left out. */
  lang?: Lang;
  /** Where the model comes from (a file name), for the caller's own reports. */
  source?: string;
  /**
   * The day that decides which schools take part (for the lint and the summary). Required: the
   * library never reads the clock; the caller gives today (the CLI does) or the day it asks about.
   */
  asOf: IsoDate;
  /** Run the lint (warnings); default true. */
  lint?: boolean;
  /** The migrations to older schema versions; `MIGRATIONS` when left out (tests inject others). */
  migrations?: readonly Migration[];
  /** At most this many errors (and as many warnings) are reported; default 200. */
  maxIssues?: number;
}

export interface LoadOptions extends ValidateOptions {
  /** Files larger than this many bytes (UTF-8) are refused; default 20 MB. */
  maxBytes?: number;
}

export interface ValidationResult {
  valid: boolean;
  /** Only when valid: nothing half-loaded. */
  model?: Model;
  errors: Issue[];
  warnings: Issue[];
  /** Counts, computed even with errors when the file's shape allows it; null otherwise. */
  summary: ModelSummary | null;
  /** The schema version the file had when it was migrated on reading. */
  migratedFrom?: number;
  /** The source option, passed through. */
  source?: string;
}
