import { z } from 'zod';
import { deciders, decisionStatuses, replaceKinds } from '../award-decisions';
import { IdParams, dateOnly, id, isoDate, optionalText, refId, text, version } from './fields';
import { defineEndpoint } from './endpoint';

/**
 * Award decisions (quyết định khen thưởng, decision 042): a draft of an issuing unit with its
 * annex (danh sách kèm theo) drafted from approved nominations or added by hand, amounts quoted
 * from the award catalogue on the decision date; issued with a number from the unit's register
 * (…/QĐ-UBND or …/QĐ-CT), each awardee given a số sổ vàng and the awards recorded in their
 * history; cancelled or corrected only by a new decision; .docx and .pdf.
 */

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['award-decisions'] as const;

// ── Requests ────────────────────────────────────────────────────────────────────────────────

const header = {
  decider: z.enum(deciders),
  title: text(1000),
  legalBases: z.array(text(1000)).max(30).default([]),
  fundingSource: optionalText(500).transform((v) => v ?? ''),
  signerName: optionalText(200).transform((v) => v ?? ''),
  signerTitle: optionalText(200).transform((v) => v ?? ''),
  decisionDate: isoDate,
};

/** POST /api/award-decisions: a new draft of a unit (optionally for a plan). */
export const DecisionCreate = z.object({
  unitId: refId,
  planId: refId.nullable().default(null),
  ...header,
});
export type DecisionCreateInput = z.input<typeof DecisionCreate>;

/** PATCH /api/award-decisions/:id: the draft's header fields. */
export const DecisionUpdate = z.object({
  version,
  decider: header.decider.optional(),
  title: header.title.optional(),
  legalBases: z.array(text(1000)).max(30).optional(),
  fundingSource: z.string().trim().max(500).optional(),
  signerName: z.string().trim().max(200).optional(),
  signerTitle: z.string().trim().max(200).optional(),
  decisionDate: isoDate.optional(),
});
export type DecisionUpdateInput = z.input<typeof DecisionUpdate>;

/** One awardee added by hand: a person or a collective (exactly one), a catalogue form. */
export const DecisionRowInput = z.object({
  personId: refId.nullable().default(null),
  unitId: refId.nullable().default(null),
  formId: refId,
  /** A plan's fixed amount (e.g. a gift of 300.000đ) instead of the coefficient. */
  fixedAmount: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
  positionText: optionalText(500),
  achievement: optionalText(5000),
});
export const DecisionAddRows = z.object({
  version,
  rows: z.array(DecisionRowInput).min(1).max(1000),
});
export type DecisionAddRowsInput = z.input<typeof DecisionAddRows>;

/** POST /api/award-decisions/:id/from-nominations: all approved ones at the unit, or these. */
export const DecisionFromNominations = z.object({
  version,
  nominationIds: z.array(refId).max(2000).optional(),
});
export type DecisionFromNominationsInput = z.input<typeof DecisionFromNominations>;

/** POST /api/award-decisions/:id/rows/remove. */
export const DecisionRemoveRows = z.object({ version, rowIds: z.array(refId).min(1).max(2000) });

/** POST /api/award-decisions/:id/issue: the decision date (default: today). */
export const DecisionIssue = z.object({ version, decisionDate: isoDate.optional() });
export type DecisionIssueInput = z.input<typeof DecisionIssue>;

/** POST /api/award-decisions/:id/replace: drafts the decision that cancels or corrects it. */
export const DecisionReplace = z.object({ kind: z.enum(replaceKinds), reason: text(2000) });
export type DecisionReplaceInput = z.input<typeof DecisionReplace>;

export const DecisionListQuery = z.object({
  unitId: id.optional(),
  status: z.enum(decisionStatuses).optional(),
});

/** GET /api/award-decisions/:id/certificates.pdf: print onto this template (a blank) instead. */
export const DecisionCertificatesQuery = z.object({ templateId: id.optional() });

export const DecisionVersionQuery = z.object({
  version: z.coerce.number().int().positive().max(2_147_483_647),
});

// ── Responses ───────────────────────────────────────────────────────────────────────────────

const UnitRef = z.object({ id: z.number().int(), name: z.string() });

export const DecisionRow = z.object({
  id: z.number().int(),
  position: z.number().int(),
  subject: z.object({ kind: z.enum(['person', 'unit']), id: z.number().int() }),
  name: z.string(),
  positionText: z.string(),
  achievement: z.string(),
  form: z.object({ versionId: z.number().int(), code: z.string(), name: z.string() }),
  fixedAmount: z.number().nullable(),
  amount: z.number(),
  amountExplanation: z.string(),
  goldenBookNumber: z.number().int().nullable(),
  nominationId: z.number().int().nullable(),
});
export type DecisionRow = z.infer<typeof DecisionRow>;

export const DecisionSummary = z.object({
  id: z.number().int(),
  unit: UnitRef,
  planId: z.number().int().nullable(),
  decider: z.enum(deciders),
  title: z.string(),
  decisionDate: dateOnly,
  status: z.enum(decisionStatuses),
  documentNumber: z.string().nullable(),
  replaceKind: z.enum(replaceKinds).nullable(),
  rowCount: z.number().int(),
  totalAmount: z.number(),
  version: z.number().int(),
});
export type DecisionSummary = z.infer<typeof DecisionSummary>;

export const AwardDecision = DecisionSummary.extend({
  legalBases: z.array(z.string()),
  fundingSource: z.string(),
  signerName: z.string(),
  signerTitle: z.string(),
  replaces: z.object({ id: z.number().int(), documentNumber: z.string().nullable() }).nullable(),
  reason: z.string().nullable(),
  rows: z.array(DecisionRow),
  permissions: z.object({ canEdit: z.boolean(), canIssue: z.boolean(), canReplace: z.boolean() }),
});
export type AwardDecision = z.infer<typeof AwardDecision>;

export const DecisionList = z.object({ items: z.array(DecisionSummary) });

// ── Endpoints ───────────────────────────────────────────────────────────────────────────────

const params = IdParams.describe('the award decision');

export const awardDecisionEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/award-decisions',
    summary: "Award decisions of the units in the caller's subtree",
    tags,
    access: 'user',
    query: DecisionListQuery,
    response: DecisionList,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/award-decisions',
    summary: 'Start a draft award decision of a unit',
    tags,
    access: 'user',
    body: DecisionCreate,
    response: AwardDecision,
    status: 201,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/award-decisions/:id',
    summary: 'An award decision with its annex, totals and permissions',
    tags,
    access: 'user',
    params,
    response: AwardDecision,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/award-decisions/:id',
    summary: "Edit a draft's header (amounts are re-quoted when the date changes)",
    tags,
    access: 'user',
    params,
    body: DecisionUpdate,
    response: AwardDecision,
  }),
  remove: defineEndpoint({
    method: 'DELETE',
    path: '/api/award-decisions/:id',
    summary: 'Delete a draft',
    tags,
    access: 'user',
    params,
    query: DecisionVersionQuery,
    response: { kind: 'empty', status: 204 },
  }),
  addRows: defineEndpoint({
    method: 'POST',
    path: '/api/award-decisions/:id/rows',
    summary: 'Add awardees by hand to a draft',
    tags,
    access: 'user',
    params,
    body: DecisionAddRows,
    response: AwardDecision,
  }),
  removeRows: defineEndpoint({
    method: 'POST',
    path: '/api/award-decisions/:id/rows/remove',
    summary: 'Remove awardees from a draft',
    tags,
    access: 'user',
    params,
    body: DecisionRemoveRows,
    response: AwardDecision,
  }),
  fromNominations: defineEndpoint({
    method: 'POST',
    path: '/api/award-decisions/:id/from-nominations',
    summary: "Add the nominations approved at the decision's unit to a draft",
    tags,
    access: 'user',
    params,
    body: DecisionFromNominations,
    response: AwardDecision,
  }),
  issue: defineEndpoint({
    method: 'POST',
    path: '/api/award-decisions/:id/issue',
    summary: 'Issue a draft: number, frozen amounts, golden-book numbers, awards recorded',
    tags,
    access: 'user',
    params,
    body: DecisionIssue,
    response: AwardDecision,
  }),
  replace: defineEndpoint({
    method: 'POST',
    path: '/api/award-decisions/:id/replace',
    summary: 'Draft the decision that cancels or corrects an issued one',
    tags,
    access: 'user',
    params,
    body: DecisionReplace,
    response: AwardDecision,
    status: 201,
  }),
  docx: defineEndpoint({
    method: 'GET',
    path: '/api/award-decisions/:id/decision.docx',
    summary: 'The decision with its annex as .docx (Decree 30/2020 layout)',
    tags,
    access: 'user',
    params,
    response: { kind: 'file', contentType: DOCX },
  }),
  pdf: defineEndpoint({
    method: 'GET',
    path: '/api/award-decisions/:id/decision.pdf',
    summary: 'The decision with its annex as .pdf',
    tags,
    access: 'user',
    params,
    response: { kind: 'file', contentType: PDF },
  }),
  certificates: defineEndpoint({
    method: 'GET',
    path: '/api/award-decisions/:id/certificates.pdf',
    summary:
      "All certificates of an issued decision, one page each (the unit's template per form, or the chosen one)",
    tags,
    access: 'user',
    params,
    query: DecisionCertificatesQuery,
    response: { kind: 'file', contentType: PDF },
  }),
  paymentList: defineEndpoint({
    method: 'GET',
    path: '/api/award-decisions/:id/payment-list.xlsx',
    summary: 'The payment list of a decision per funding source, with totals (.xlsx)',
    tags,
    access: 'user',
    params,
    response: { kind: 'file', contentType: XLSX },
  }),
};
