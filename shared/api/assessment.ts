import { z } from 'zod';
import { CriteriaTree, LeafInput } from '../criteria';
import { defineEndpoint } from './endpoint';
import {
  IdParams,
  dateOnly,
  id,
  instantOrDate,
  optionalText,
  page,
  pageSize,
  text,
  versionOrZero,
} from './fields';

/**
 * Self-assessment (tự chấm điểm): score sheets, their evidence, the self-import and the work list
 * — request and response schemas and the endpoints (decision 027).
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The kinds of evidence file accepted (server evidence.rules.ts checks the bytes). */
export const EVIDENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg', DOCX, XLSX] as const;

export const sheetStatuses = [
  'self_draft',
  'submitted',
  'returned',
  'explaining',
  'explained',
  'appraised',
  'published',
] as const;
export type SheetStatus = (typeof sheetStatuses)[number];
/** 'explanation' = the unit's answer to an appraisal question (a note, no points). */
export const scoreStages = ['self', 'appraisal1', 'appraisal2', 'survey', 'explanation'] as const;
export type ScoreStage = (typeof scoreStages)[number];

/** Still in the unit's self-assessment (editable by the unit, no appraisal yet). */
export const isSelfStage = (status: SheetStatus) =>
  status === 'self_draft' || status === 'returned';

// ── Requests ────────────────────────────────────────────────────────────────────────────────

const version = versionOrZero;
/** A criterion's id within its version (path parameter `:nodeId`). */
export const nodeId = z.string().trim().min(1).max(40);

export const SaveSelfEntry = z.object({
  /** The figures of the leaf's method; an empty object saves only the explanation. */
  input: LeafInput.default({}),
  /** Explanation (giải trình), required at submission for an evidence-less leaf that asks for it. */
  note: optionalText(4000),
  /** The entry's version the user edited; omitted or 0 when the leaf had no entry yet. */
  version: version.optional(),
});
export type SaveSelfEntryInput = z.input<typeof SaveSelfEntry>;

export const SubmitSheet = z.object({ version });
export const ReturnSheet = z.object({ version, reason: text(2000) });

/** '' from an empty query-string field means "not given". */
const blankAsMissing = (v: unknown) => (v === '' ? undefined : v);

/** GET /api/score-sheets: the work list's filters. */
export const ListSheetsQuery = z.object({
  todo: z.preprocess(blankAsMissing, z.enum(['mine', 'all']).default('mine')),
  status: z.preprocess(blankAsMissing, z.enum(sheetStatuses).optional()),
  planId: z.preprocess(blankAsMissing, id.optional()),
  q: z.string().trim().max(100).optional(),
  page,
  pageSize,
});
export type ListSheetsQuery = z.infer<typeof ListSheetsQuery>;

/** The text field beside the evidence file of POST /api/score-sheets/:id/evidence. */
export const EvidenceFields = z.object({ nodeId });

export const SheetParams = IdParams.describe('the score sheet');
export const SheetNodeParams = z.object({ id, nodeId });
export const SheetEvidenceParams = z.object({ id, evidenceId: id });

// ── Responses ───────────────────────────────────────────────────────────────────────────────

/** A leaf's figures as stored (jsonb, typed `unknown` by the database layer): a LeafInput. */
export const StoredLeafInput = z.unknown().pipe(LeafInput);

/** One stage's score of one leaf as stored. */
export const SheetEntry = z.object({
  nodeId: z.string(),
  stage: z.enum(scoreStages),
  input: StoredLeafInput,
  points: z.number().nullable(),
  note: z.string().nullable(),
  scoredByName: z.string().nullable(),
  scoredAt: instantOrDate,
  version: z.number().int(),
});
export type SheetEntry = z.infer<typeof SheetEntry>;

export const SheetEvidence = z.object({
  id: z.number().int(),
  nodeId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedByName: z.string().nullable(),
  uploadedAt: instantOrDate,
  /** The actor may remove it now (during an explanation round: files of that round only). */
  canDelete: z.boolean(),
});
export type SheetEvidence = z.infer<typeof SheetEvidence>;

/** A leaf without points, by code. */
export const MissingLeaf = z.object({ nodeId: z.string(), code: z.string() });

/** A stage's roll-up: points per node, per field, the totals and the leaves still unscored. */
export const StageRollUp = z.object({
  totals: z.record(z.string(), z.number()),
  /** One per non-adjustment field, in tree order. */
  fieldTotals: z.array(z.number()),
  base: z.number(),
  adjustments: z.number(),
  total: z.number(),
  percent: z.number(),
  missing: z.array(MissingLeaf),
});
export type StageRollUp = z.infer<typeof StageRollUp>;

export const SheetProblem = z.object({ nodeId: z.string(), code: z.string(), message: z.string() });
export type SheetProblem = z.infer<typeof SheetProblem>;

/** What the actor may do with the sheet now (assessment.policy's sheetPermissions). */
export const SheetPermissions = z.object({
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canReturn: z.boolean(),
  /** Evidence may be added now (also while explaining). */
  canAddEvidence: z.boolean(),
  /** With canAddEvidence: the leaves that take evidence; null = any self-scored leaf. */
  evidenceNodeIds: z.array(z.string()).nullable(),
});

/** A score sheet (phiếu tự chấm điểm) with its tree, entries, evidence and self roll-up. */
export const ScoreSheet = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    planTitle: z.string(),
    registrationId: z.number().int(),
    unitId: z.number().int(),
    unitName: z.string(),
    criteriaVersionId: z.number().int(),
    status: z.enum(sheetStatuses),
    submittedAt: instantOrDate.nullable(),
    returnedReason: z.string().nullable(),
    /** Vietnam date, YYYY-MM-DD; null = no deadline. */
    assessmentDeadline: dateOnly.nullable(),
    version: z.number().int(),
    tree: CriteriaTree,
    entries: z.array(SheetEntry),
    evidence: z.array(SheetEvidence),
    self: StageRollUp,
    problems: z.array(SheetProblem),
    /** The plan's results are published: the sheet is locked for good. */
    resultsPublished: z.boolean(),
    permissions: SheetPermissions,
  })
  .meta({ id: 'ScoreSheet' });
export type ScoreSheet = z.infer<typeof ScoreSheet>;

/** The self entry just saved. */
export const SavedSelfEntry = z.object({
  nodeId: z.string(),
  stage: z.literal('self'),
  points: z.number().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type SavedSelfEntry = z.infer<typeof SavedSelfEntry>;

export const UploadedEvidence = z.object({
  id: z.number().int(),
  nodeId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: instantOrDate,
});

export const RemovedEvidence = z.object({ id: z.number().int(), removed: z.boolean() });

/** The self-import's outcome: leaves written, unchanged, changed by others since the template. */
export const SelfImportResult = z.object({
  imported: z.number().int(),
  unchanged: z.number().int(),
  /** Codes of leaves someone saved after the template was downloaded (the file won). */
  changedSinceTemplate: z.array(z.string()),
  sheet: ScoreSheet,
});
export type SelfImportResult = z.infer<typeof SelfImportResult>;

/** Whose move it is on a sheet; null once it is appraised. */
export const waitingFors = ['unit', 'appraiser'] as const;
export type WaitingFor = (typeof waitingFors)[number] | null;

export const SheetListItem = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  planTitle: z.string(),
  /** The plan's document number ("62/KH-UBND"), null for a plan recorded without one. */
  planNumber: z.string().nullable(),
  unitId: z.number().int(),
  /** The unit's display name (with its parents' where another unit bears its name). */
  unitName: z.string(),
  /** Ancestor names of the unit, root first, without the unit itself. */
  unitPath: z.array(z.string()),
  status: z.enum(sheetStatuses),
  version: z.number().int(),
  submittedAt: instantOrDate.nullable(),
  updatedAt: instantOrDate,
  /** Vietnam date, YYYY-MM-DD; null = no deadline. */
  assessmentDeadline: dateOnly.nullable(),
  selfTotal: z.number(),
  selfPercent: z.number(),
  waitingFor: z.enum(waitingFors).nullable(),
  /** The sheet waits for the signed-in user's side. */
  waitingForMe: z.boolean(),
});
export type SheetListItem = z.infer<typeof SheetListItem>;

export const SheetListPage = z.object({
  items: z.array(SheetListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type SheetListPage = z.infer<typeof SheetListPage>;

// ── Endpoints ───────────────────────────────────────────────────────────────────────────────

const tags = ['assessment'] as const;

export const assessmentEndpoints = {
  open: defineEndpoint({
    method: 'POST',
    path: '/api/registrations/:id/score-sheet',
    summary: 'Open (or find) the score sheet of an approved collective registration',
    tags,
    access: 'user',
    params: IdParams.describe('the registration'),
    response: ScoreSheet,
  }),
  list: defineEndpoint({
    method: 'GET',
    path: '/api/score-sheets',
    summary: 'The evaluation work list: sheets waiting for the user, or all readable, paged',
    tags,
    access: 'user',
    query: ListSheetsQuery,
    response: SheetListPage,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/score-sheets/:id',
    summary: 'A score sheet with its entries, evidence, self roll-up and permissions',
    tags,
    access: 'user',
    params: SheetParams,
    response: ScoreSheet,
  }),
  exportXlsx: defineEndpoint({
    method: 'GET',
    path: '/api/score-sheets/:id/export.xlsx',
    summary: 'The sheet as .xlsx',
    tags,
    access: 'user',
    params: SheetParams,
    response: { kind: 'file', contentType: XLSX },
  }),
  exportDocx: defineEndpoint({
    method: 'GET',
    path: '/api/score-sheets/:id/export.docx',
    summary: 'The sheet as .docx (the printed self-assessment)',
    tags,
    access: 'user',
    params: SheetParams,
    response: { kind: 'file', contentType: DOCX },
  }),
  saveSelf: defineEndpoint({
    method: 'PUT',
    path: '/api/score-sheets/:id/self/:nodeId',
    summary: "Save one leaf's self-assessment figures and explanation",
    tags,
    access: 'user',
    params: SheetNodeParams,
    body: SaveSelfEntry,
    response: SavedSelfEntry,
  }),
  submit: defineEndpoint({
    method: 'POST',
    path: '/api/score-sheets/:id/submit',
    summary: 'Submit the self-assessment to the issuing unit',
    tags,
    access: 'user',
    params: SheetParams,
    body: SubmitSheet,
    response: ScoreSheet,
  }),
  return: defineEndpoint({
    method: 'POST',
    path: '/api/score-sheets/:id/return',
    summary: 'Return a submitted sheet to the unit, with a reason',
    tags,
    access: 'user',
    params: SheetParams,
    body: ReturnSheet,
    response: ScoreSheet,
  }),
  selfTemplate: defineEndpoint({
    method: 'GET',
    path: '/api/score-sheets/:id/self-template.xlsx',
    summary: 'The self-assessment template (.xlsx) with the current entries',
    tags,
    access: 'user',
    params: SheetParams,
    response: { kind: 'file', contentType: XLSX },
  }),
  selfImport: defineEndpoint({
    method: 'POST',
    path: '/api/score-sheets/:id/self-import',
    summary: 'Import the self-assessment from the filled template; all or nothing',
    tags,
    access: 'user',
    params: SheetParams,
    upload: { accept: [XLSX] },
    response: SelfImportResult,
  }),
  uploadEvidence: defineEndpoint({
    method: 'POST',
    path: '/api/score-sheets/:id/evidence',
    summary: 'Attach an evidence file to a leaf of the sheet',
    tags,
    access: 'user',
    params: SheetParams,
    upload: { accept: EVIDENCE_TYPES },
    body: EvidenceFields,
    response: UploadedEvidence,
    status: 201,
  }),
  downloadEvidence: defineEndpoint({
    method: 'GET',
    path: '/api/score-sheets/:id/evidence/:evidenceId',
    summary: 'Download an evidence file',
    tags,
    access: 'user',
    params: SheetEvidenceParams,
    response: { kind: 'file', contentType: 'application/octet-stream' },
  }),
  removeEvidence: defineEndpoint({
    method: 'DELETE',
    path: '/api/score-sheets/:id/evidence/:evidenceId',
    summary: 'Remove an evidence file',
    tags,
    access: 'user',
    params: SheetEvidenceParams,
    response: RemovedEvidence,
  }),
};
