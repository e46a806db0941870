import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely's view of the registration and evaluation tables (migrations 0004–0009): registrations,
 * criteria sets, score sheets with their entries and evidence, results and individuals'
 * checklists; the plan's evaluation settings and results state (0017, off campaign_plan). Re-exported by schema.ts, which assembles the `Database` interface.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type RegistrationStatus = 'submitted' | 'approved' | 'returned' | 'withdrawn';

export interface RegistrationTable {
  id: Generated<number>;
  planId: number;
  kind: 'collective' | 'individual';
  unitId: number;
  personId: number | null;
  provinceId: ColumnType<number | null, unknown, unknown>;
  status: Generated<RegistrationStatus>;
  /** Commitments (shared/registration.ts), written as JSON text. */
  commitments: ColumnType<unknown, string, string>;
  submittedAt: Date;
  submittedBy: number | null;
  late: Generated<boolean>;
  lateReason: string | null;
  decidedAt: Date | null;
  decidedBy: number | null;
  returnReason: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface CriteriaSetTable {
  id: Generated<number>;
  ownerUnitId: number | null;
  name: string;
  description: string | null;
  isExample: Generated<boolean>;
  createdBy: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface CriteriaSetVersionTable {
  id: Generated<number>;
  setId: number;
  number: number;
  status: Generated<'draft' | 'published'>;
  /** CriteriaTree (shared/criteria.ts), written as JSON text. */
  tree: ColumnType<unknown, string, string>;
  leafCount: number;
  maxTotal: number;
  basedOnId: number | null;
  version: Generated<number>;
  publishedAt: Date | null;
  publishedBy: number | null;
  createdBy: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/**
 * 'published' is allowed by the CHECK but never written: published results lock the sheets through
 * the plan (results_state.status, see evaluation/results-lock.ts), so that reopening gives
 * every sheet back its own step.
 */
export type ScoreSheetStatus =
  'self_draft' | 'submitted' | 'returned' | 'explaining' | 'explained' | 'appraised' | 'published';
/** 'explanation' = the unit's answer to an appraisal question (a note, no points). */
export type ScoreStage = 'self' | 'appraisal1' | 'appraisal2' | 'survey' | 'explanation';

export interface ScoreSheetTable {
  id: Generated<number>;
  planId: number;
  registrationId: number;
  unitId: number;
  provinceId: number | null;
  criteriaVersionId: number;
  status: Generated<ScoreSheetStatus>;
  submittedAt: Date | null;
  submittedBy: number | null;
  returnedReason: string | null;
  explanationReason: Generated<string | null>;
  /** Leaf ids, written as JSON text; [] = the whole sheet. */
  explanationNodeIds: ColumnType<string[], string | undefined, string>;
  explanationRequestedAt: Generated<Date | null>;
  explanationRequestedBy: Generated<number | null>;
  explainedAt: Generated<Date | null>;
  appraisedAt: Generated<Date | null>;
  appraisedBy: Generated<number | null>;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ScoreEntryTable {
  sheetId: number;
  nodeId: string;
  stage: ScoreStage;
  /** LeafInput (scoring.rules.ts), written as JSON text. */
  input: ColumnType<unknown, string, string>;
  points: number | null;
  note: string | null;
  scoredBy: number | null;
  scoredAt: Timestamp;
  version: Generated<number>;
}

export interface ScoreEvidenceTable {
  id: Generated<number>;
  sheetId: number;
  nodeId: string;
  fileId: string;
  uploadedBy: number | null;
  uploadedAt: Timestamp;
}

export interface EvaluationResultTable {
  planId: number;
  sheetId: number;
  unitId: number;
  provinceId: number | null;
  total: number;
  percent: number;
  appraised: number;
  fieldTotals: ColumnType<unknown, string, string>;
  missingCount: number;
  bandKey: string;
  bandLabel: string;
  rank: number;
  decidedBy: string | null;
  computedAt: Date;
}

/** One item of an individual's checklist (migration 0008). */
export interface IndividualCheckTable {
  registrationId: number;
  itemIndex: number;
  itemText: string;
  met: boolean | null;
  note: string | null;
  evidenceFileId: string | null;
  confirmedBy: number | null;
  confirmedAt: Date | null;
  version: Generated<number>;
  createdAt: Timestamp;
}

/**
 * A plan's evaluation settings (migration 0017; were campaign_plan columns). A plan without a row
 * has the defaults: no criteria version, default bands and tie-break order, the top band
 * qualifies, no self-assessment deadline.
 */
export interface PlanEvaluationTable {
  planId: number;
  criteriaVersionId: number | null;
  /** Band[] (shared/criteria.ts), JSON text when written; null = the default bands. */
  bands: ColumnType<unknown, string | null | undefined, string | null>;
  /** Tie-break steps in order (JSON text when written); null = the default order. */
  tieBreak: ColumnType<unknown, string | null | undefined, string | null>;
  /** Band keys that qualify for commendation (JSON text when written); null = the top band. */
  qualifyingBands: ColumnType<unknown, string | null | undefined, string | null>;
  /** Last day (Vietnam date, inclusive) a unit may submit its self-assessment. */
  assessmentDeadline: string | null;
  updatedAt: Timestamp;
  updatedBy: number | null;
}

export type ResultsStatus = 'none' | 'computed' | 'published';

/** Where a plan's results stand (migration 0017; were campaign_plan columns). No row = 'none'. */
export interface ResultsStateTable {
  planId: number;
  status: Generated<ResultsStatus>;
  computedAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Timestamp;
}
