import { z } from 'zod';
import { Band, tieBreakSteps } from '../criteria';
import { EVIDENCE_TYPES, sheetStatuses, type SheetStatus } from './assessment';
import { defineEndpoint } from './endpoint';
import { IdParams, id, instant, page, pageSize, text, versionText } from './fields';

/**
 * A campaign's results (compute, publish, reopen, the ranking table internal and public), its
 * dashboard, and an individual's checklist of the plan's criteria: request and response schemas
 * and the endpoints (decision 027).
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const resultsStatuses = ['none', 'computed', 'published'] as const;
export type ResultsStatus = (typeof resultsStatuses)[number];

/** Why a unit ranks below the one before it (ranking.rules.ts); null for the first. */
export const decidedBys = ['percent', ...tieBreakSteps, 'tied'] as const;
export type DecidedBy = (typeof decidedBys)[number] | null;

/** Sheet steps ranked before the appraisal closed (on the self or round-1 scores). */
export const notAppraisedStatuses: readonly SheetStatus[] = [
  'submitted',
  'explaining',
  'explained',
];

/** `details.reason` of the 409 refusing to publish results made stale by later changes. */
export const STALE_RESULTS = 'stale_results';

// ── Requests ────────────────────────────────────────────────────────────────────────────────

export const ResultsQuery = z.object({
  bandKey: z.string().trim().max(30).optional(),
  page,
  pageSize,
});
export type ResultsFilter = z.input<typeof ResultsQuery>;

export const ReopenResults = z.object({ reason: text(1000) });

/** PUT /api/registrations/:id/checklist/:index: confirm (or clear) one criterion of a person. */
export const ConfirmItem = z.object({
  met: z.boolean().nullable(),
  note: z
    .string()
    .trim()
    .max(2000)
    .nullable()
    .default(null)
    .transform((s) => (s === null || s === '' ? null : s)),
  version: versionText,
});
export type ConfirmItemInput = z.input<typeof ConfirmItem>;

/** The text field beside the file of POST …/checklist/:index/evidence. */
export const ItemEvidenceFields = z.object({ version: versionText.optional() });

export const ChecklistParams = IdParams.describe('the individual registration');
export const ChecklistItemParams = z.object({
  id,
  index: z.coerce.number().int().min(0).max(1000),
});

// ── Responses ───────────────────────────────────────────────────────────────────────────────

export const ResultItem = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  sheetId: z.number().int(),
  total: z.number(),
  percent: z.number(),
  bandKey: z.string(),
  bandLabel: z.string(),
  rank: z.number().int(),
  /** Stored as text; always one of `decidedBys`. */
  decidedBy: z.string().pipe(z.enum(decidedBys)).nullable(),
  missingCount: z.number().int(),
  /** Ancestors below the issuing unit, top first (e.g. the commune of a one-stop unit). */
  unitPath: z.array(z.string()),
  /** Whether the unit's band qualifies it for commendation under the plan. */
  qualifies: z.boolean(),
  /** The unit's sheet's step now (internal view only; absent on the public ranking). */
  sheetStatus: z.enum(sheetStatuses).optional(),
});
export type ResultItem = z.infer<typeof ResultItem>;

/** Ranked units whose sheet is not final: still being appraised, or back with the unit. */
export const ResultsPending = z.object({
  notAppraised: z.number().int(),
  returned: z.number().int(),
});
export type ResultsPending = z.infer<typeof ResultsPending>;

export const ResultsPage = z
  .object({
    status: z.enum(resultsStatuses),
    computedAt: instant.nullable(),
    publishedAt: instant.nullable(),
    bands: z.array(Band),
    /** The effective tie-break order (defaults filled in). */
    tieBreak: z.array(z.enum(tieBreakSteps)),
    /** The effective qualifying band keys (defaults filled in). */
    qualifyingBandKeys: z.array(z.string()),
    /** Over the whole results (internal view only). */
    pending: ResultsPending.optional(),
    /** What the actor's role allows (internal view only); the results' status decides the rest. */
    permissions: z
      .object({ canCompute: z.boolean(), canPublish: z.boolean(), canReopen: z.boolean() })
      .optional(),
    items: z.array(ResultItem),
    total: z.number().int(),
  })
  .meta({ id: 'ResultsPage' });
export type ResultsPage = z.infer<typeof ResultsPage>;

export const ComputeOutcome = z.object({
  units: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  ms: z.number(),
});
export type ComputeOutcome = z.infer<typeof ComputeOutcome>;

/** The results' status after the change (the service hands it over as text). */
export const ResultsStatusAnswer = z.object({ status: z.string().pipe(z.enum(resultsStatuses)) });

/** A sheet's status, or `not_opened` when the unit has no sheet yet. */
export const dashboardSheetStatuses = ['not_opened', ...sheetStatuses] as const;
export type DashboardSheetStatus = (typeof dashboardSheetStatuses)[number];
/** Cumulative stages: each counts the units that reached it (or went further). */
export const dashboardStages = ['opened', 'submitted', 'appraised', 'ranked'] as const;
export type DashboardStage = (typeof dashboardStages)[number];

export const StageCounts = z.object({
  /** Approved collective registrations. */
  registered: z.number().int(),
  byStatus: z.record(z.enum(dashboardSheetStatuses), z.number().int()),
  stages: z.record(z.enum(dashboardStages), z.number().int()),
  byBand: z.record(z.string(), z.number().int()),
});
export type StageCounts = z.infer<typeof StageCounts>;

export const DashboardTopItem = z.object({
  rank: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  sheetId: z.number().int(),
  total: z.number(),
  percent: z.number(),
  bandKey: z.string(),
  bandLabel: z.string(),
});
export type DashboardTopItem = z.infer<typeof DashboardTopItem>;

export const PlanDashboard = z.object({
  planId: z.number().int(),
  issuingUnit: z.object({ id: z.number().int(), name: z.string() }),
  resultsStatus: z.enum(resultsStatuses),
  resultsComputedAt: instant.nullable(),
  bands: z.array(Band),
  totals: StageCounts,
  /** 10 buckets of percent: [0,10), [10,20) … [90,100]. */
  histogram: z.array(z.number().int()),
  top: z.array(DashboardTopItem),
  /** Direct children of the issuer holding at least one registration; `other` for the rest. */
  areas: z.array(StageCounts.extend({ unitId: z.number().int().nullable(), unitName: z.string() })),
});
export type PlanDashboard = z.infer<typeof PlanDashboard>;

export const ChecklistItem = z.object({
  index: z.number().int(),
  text: z.string(),
  met: z.boolean().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  confirmedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  confirmedAt: instant.nullable(),
  evidence: z
    .object({
      fileId: z.string(),
      fileName: z.string(),
      contentType: z.string(),
      sizeBytes: z.number().int(),
    })
    .nullable(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/** Why something of the plan's evaluation is read-only (results-lock.ts). */
export const EvaluationLock = z.object({
  reason: z.enum(['results_published', 'plan_cancelled']),
  /** When the lock began (the publication); null for a cancelled plan. */
  since: instant.nullable(),
  /** One Vietnamese sentence: what is locked and since when. */
  message: z.string(),
  /** Who may lift it, in Vietnamese; null when nobody can (a cancelled plan). */
  reopenBy: z.string().nullable(),
  /** The actor may lift it themself (reopen the results in the plan's results tab). */
  canReopen: z.boolean(),
});

export const Checklist = z
  .object({
    registrationId: z.number().int(),
    planId: z.number().int(),
    person: z.object({ id: z.number().int().nullable(), fullName: z.string() }),
    unit: z.object({ id: z.number().int(), name: z.string() }),
    items: z.array(ChecklistItem),
    unitBand: z
      .object({
        unitId: z.number().int(),
        unitName: z.string(),
        bandKey: z.string(),
        bandLabel: z.string(),
      })
      .nullable(),
    qualifyingBands: z.array(z.object({ key: z.string(), label: z.string() })),
    resultsStatus: z.enum(resultsStatuses),
    eligible: z.boolean(),
    reasons: z.array(z.string()),
    /** Why the checklist is read-only, null when open. */
    lock: EvaluationLock.nullable(),
    permissions: z.object({ canConfirm: z.boolean() }),
  })
  .meta({ id: 'Checklist' });
export type Checklist = z.infer<typeof Checklist>;

// ── Endpoints ───────────────────────────────────────────────────────────────────────────────

const tags = ['results'] as const;
const planParams = IdParams.describe('the plan');

export const resultsEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/plans/:id/results',
    summary: "The plan's ranking table (its viewers; anyone once published)",
    tags,
    access: 'user',
    params: planParams,
    query: ResultsQuery,
    response: ResultsPage,
  }),
  compute: defineEndpoint({
    method: 'POST',
    path: '/api/plans/:id/results/compute',
    summary: 'Classify and rank every sheet of the plan',
    tags,
    access: 'user',
    params: planParams,
    response: ComputeOutcome,
  }),
  publish: defineEndpoint({
    method: 'POST',
    path: '/api/plans/:id/results/publish',
    summary: 'Publish the computed results (locks the sheets)',
    tags,
    access: 'user',
    params: planParams,
    response: ResultsStatusAnswer,
  }),
  reopen: defineEndpoint({
    method: 'POST',
    path: '/api/plans/:id/results/reopen',
    summary: 'Reopen published results, with a reason',
    tags,
    access: 'user',
    params: planParams,
    body: ReopenResults,
    response: ResultsStatusAnswer,
  }),
  publicList: defineEndpoint({
    method: 'GET',
    path: '/api/public/plans/:id/results',
    summary: 'The published ranking of a public plan (404 until published)',
    tags: ['results', 'public'],
    access: 'public',
    params: planParams,
    query: ResultsQuery,
    response: ResultsPage,
  }),
  dashboard: defineEndpoint({
    method: 'GET',
    path: '/api/plans/:id/dashboard',
    summary: 'The campaign dashboard: stages, distribution, top of the ranking, by area',
    tags,
    access: 'user',
    params: planParams,
    response: PlanDashboard,
  }),
  dashboardXlsx: defineEndpoint({
    method: 'GET',
    path: '/api/plans/:id/dashboard.xlsx',
    summary: 'The full ranking as .xlsx',
    tags,
    access: 'user',
    params: planParams,
    response: { kind: 'file', contentType: XLSX },
  }),
  checklist: defineEndpoint({
    method: 'GET',
    path: '/api/registrations/:id/checklist',
    summary: "An individual's checklist of the plan's criteria, with the eligibility verdict",
    tags,
    access: 'user',
    params: ChecklistParams,
    response: Checklist,
  }),
  confirmItem: defineEndpoint({
    method: 'PUT',
    path: '/api/registrations/:id/checklist/:index',
    summary: 'Confirm (or clear) one criterion of the checklist',
    tags,
    access: 'user',
    params: ChecklistItemParams,
    body: ConfirmItem,
    response: Checklist,
  }),
  attachItemEvidence: defineEndpoint({
    method: 'POST',
    path: '/api/registrations/:id/checklist/:index/evidence',
    summary: 'Attach the evidence file of one criterion (replaces the previous one)',
    tags,
    access: 'user',
    params: ChecklistItemParams,
    upload: { accept: EVIDENCE_TYPES },
    body: ItemEvidenceFields,
    response: Checklist,
  }),
  itemEvidence: defineEndpoint({
    method: 'GET',
    path: '/api/registrations/:id/checklist/:index/evidence',
    summary: 'Download the evidence file of one criterion',
    tags,
    access: 'user',
    params: ChecklistItemParams,
    response: { kind: 'file', contentType: 'application/octet-stream' },
  }),
};
