import { z } from 'zod';
import { LeafInput, scoringMethods } from '../criteria';
import { SheetNodeParams, SheetParams, StoredLeafInput, nodeId, sheetStatuses } from './assessment';
import { defineEndpoint } from './endpoint';
import { IdParams, instantOrDate, optionalText, text, versionOrZero } from './fields';

/**
 * Appraisal (thẩm định), the unit's explanation (giải trình) and the survey points of a plan:
 * request and response schemas and the endpoints (decision 027).
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const appraisalRounds = [1, 2] as const;
export type AppraisalRound = (typeof appraisalRounds)[number];
export type AppraisalStage = 'appraisal1' | 'appraisal2';
export const stageOfRound = (round: AppraisalRound): AppraisalStage =>
  round === 1 ? 'appraisal1' : 'appraisal2';

// ── Requests ────────────────────────────────────────────────────────────────────────────────

const version = versionOrZero;

export const SaveAppraisalEntry = z.object({
  round: z.literal([1, 2]),
  /** The figures of the leaf's method, as the appraiser finds them. */
  input: LeafInput,
  /** The appraiser's comment; required when the points differ from the self-score. */
  note: optionalText(4000),
  /** The entry's version the appraiser edited; omitted or 0 when the leaf had no entry yet. */
  version: version.optional(),
});
export type SaveAppraisalEntryInput = z.input<typeof SaveAppraisalEntry>;

export const RequestExplanation = z.object({
  version,
  reason: text(2000),
  /** The leaves asked about; omitted = those whose round-1 points differ from the self-score. */
  nodeIds: z.array(nodeId).max(500).optional(),
});

export const AnswerExplanation = z.object({
  note: text(4000),
  version: version.optional(),
});

export const SheetVersion = z.object({ version });

// ── Responses ───────────────────────────────────────────────────────────────────────────────

/** One stage's score of one leaf. */
export const StageCell = z.object({
  points: z.number().nullable(),
  note: z.string().nullable(),
  input: StoredLeafInput,
  version: z.number().int(),
  scoredByName: z.string().nullable(),
  scoredAt: instantOrDate,
  /** Round 1 only: scored before the sheet's last submission (it was returned and sent again). */
  stale: z.boolean().optional(),
});
export type StageCell = z.infer<typeof StageCell>;

export const ComparedLeaf = z.object({
  nodeId: z.string(),
  code: z.string(),
  title: z.string(),
  maxPoints: z.number(),
  method: z.enum(scoringMethods).nullable(),
  /** False for survey leaves: their points come from the survey import. */
  appraised: z.boolean(),
  self: StageCell.nullable(),
  appraisal1: StageCell.nullable(),
  appraisal2: StageCell.nullable(),
  survey: StageCell.nullable(),
  explanation: StageCell.nullable(),
  /** Appraisal − self, null when either is missing. */
  diff1: z.number().nullable(),
  diff2: z.number().nullable(),
  changed: z.boolean(),
  final: z.number().nullable(),
  /**
   * The round-1 score is stale and the unit changed this leaf's self entry after it: it no
   * longer counts as appraised, the leaf must be scored again.
   */
  needsRescore: z.boolean(),
});
export type ComparedLeaf = z.infer<typeof ComparedLeaf>;

/** A stage's roll-up in the side-by-side view (`missing`: the leaf ids without points). */
export const AppraisalRollUp = z.object({
  totals: z.record(z.string(), z.number()),
  fieldTotals: z.array(z.number()),
  base: z.number(),
  adjustments: z.number(),
  total: z.number(),
  percent: z.number(),
  missing: z.array(z.string()),
});
export type AppraisalRollUp = z.infer<typeof AppraisalRollUp>;

export const AppraisalPermissions = z.object({
  round: z.literal([1, 2]).nullable(),
  canScore: z.boolean(),
  canRequestExplanation: z.boolean(),
  canComplete: z.boolean(),
  canAnswer: z.boolean(),
  canSubmitExplanation: z.boolean(),
  /**
   * Why the conflict rules keep the actor from a step their role would allow now (they filled
   * the sheet in for the unit, or they appraised it); null otherwise.
   */
  blockedReason: z.string().nullable(),
});
export type AppraisalPermissions = z.infer<typeof AppraisalPermissions>;

/** The side-by-side view of a sheet (appraisal.compare.ts). */
export const Appraisal = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    unitId: z.number().int(),
    unitName: z.string(),
    status: z.enum(sheetStatuses),
    /** The sheet's version (request-explanation, submit-explanation, complete, accept-self). */
    version: z.number().int(),
    explanation: z.object({
      reason: z.string().nullable(),
      /** The leaves asked about; empty = the whole sheet. */
      nodeIds: z.array(z.string()),
      requestedAt: instantOrDate.nullable(),
      explainedAt: instantOrDate.nullable(),
    }),
    appraisedAt: instantOrDate.nullable(),
    leaves: z.array(ComparedLeaf),
    totals: z.object({
      self: AppraisalRollUp,
      appraisal1: AppraisalRollUp,
      appraisal2: AppraisalRollUp,
      final: AppraisalRollUp,
    }),
    /** The plan's results are published: nothing changes any more. */
    resultsPublished: z.boolean(),
    permissions: AppraisalPermissions,
  })
  .meta({ id: 'Appraisal' });
export type Appraisal = z.infer<typeof Appraisal>;

/** After accept-self: the view and how many leaves took the self-score. */
export const AcceptedSelf = Appraisal.extend({ accepted: z.number().int() });

export const SavedAppraisal = z.object({
  nodeId: z.string(),
  stage: z.enum(['appraisal1', 'appraisal2']),
  points: z.number().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type SavedAppraisal = z.infer<typeof SavedAppraisal>;

export const SavedExplanation = z.object({
  nodeId: z.string(),
  stage: z.literal('explanation'),
  note: z.string(),
  version: z.number().int(),
});
export type SavedExplanation = z.infer<typeof SavedExplanation>;

export const SurveyImportResult = z.object({
  planId: z.number().int(),
  fileName: z.string(),
  imported: z.number().int(),
  skipped: z.number().int(),
  sheets: z.number().int(),
});
export type SurveyImportResult = z.infer<typeof SurveyImportResult>;

// ── Endpoints ───────────────────────────────────────────────────────────────────────────────

const tags = ['appraisal'] as const;
const base = '/api/score-sheets/:id/appraisal';

export const appraisalEndpoints = {
  get: defineEndpoint({
    method: 'GET',
    path: base,
    summary: 'Every score of every leaf side by side, with roll-ups and permissions',
    tags,
    access: 'user',
    params: SheetParams,
    response: Appraisal,
  }),
  save: defineEndpoint({
    method: 'PUT',
    path: `${base}/:nodeId`,
    summary: "Save one leaf's score in the open appraisal round",
    tags,
    access: 'user',
    params: SheetNodeParams,
    body: SaveAppraisalEntry,
    response: SavedAppraisal,
  }),
  requestExplanation: defineEndpoint({
    method: 'POST',
    path: `${base}/request-explanation`,
    summary: 'Ask the unit to explain leaves (opens the explanation round)',
    tags,
    access: 'user',
    params: SheetParams,
    body: RequestExplanation,
    response: Appraisal,
  }),
  answerExplanation: defineEndpoint({
    method: 'PUT',
    path: `${base}/explanation/:nodeId`,
    summary: "The unit's explanation of one leaf asked about",
    tags,
    access: 'user',
    params: SheetNodeParams,
    body: AnswerExplanation,
    response: SavedExplanation,
  }),
  submitExplanation: defineEndpoint({
    method: 'POST',
    path: `${base}/submit-explanation`,
    summary: "Send the unit's explanation back to the appraisers",
    tags,
    access: 'user',
    params: SheetParams,
    body: SheetVersion,
    response: Appraisal,
  }),
  acceptSelf: defineEndpoint({
    method: 'POST',
    path: `${base}/accept-self`,
    summary: 'Round 1: every leaf not yet appraised takes the self-score',
    tags,
    access: 'user',
    params: SheetParams,
    body: SheetVersion,
    response: AcceptedSelf,
  }),
  complete: defineEndpoint({
    method: 'POST',
    path: `${base}/complete`,
    summary: 'Close the appraisal of the sheet',
    tags,
    access: 'user',
    params: SheetParams,
    body: SheetVersion,
    response: Appraisal,
  }),
  surveyTemplate: defineEndpoint({
    method: 'GET',
    path: '/api/plans/:id/survey-scores/template.xlsx',
    summary: 'The survey-score template: a row per sheet and survey criterion',
    tags,
    access: 'user',
    params: IdParams.describe('the plan'),
    response: { kind: 'file', contentType: XLSX },
  }),
  surveyImport: defineEndpoint({
    method: 'POST',
    path: '/api/plans/:id/survey-scores',
    summary: 'Import survey scores from the template; all or nothing',
    tags,
    access: 'user',
    params: IdParams.describe('the plan'),
    upload: { accept: [XLSX] },
    response: SurveyImportResult,
  }),
};
