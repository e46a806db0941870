import { z } from 'zod';
import { nominationMoves, nominationRounds, nominationStatuses } from '../nominations';
import { EVIDENCE_TYPES } from './assessment';
import { IdParams, id, instantOrDate, isoDate, refId, text, version } from './fields';
import { defineEndpoint } from './endpoint';

/**
 * Nominations (đề nghị khen thưởng, decision 038): candidates prefilled from a plan's published
 * results, a nomination created as a draft, submitted up the levels (the server checks
 * eligibility), returned with a reason, forwarded to the parent level; lists scoped to the
 * actor's subtree.
 */

// ── Requests ────────────────────────────────────────────────────────────────────────────────

/** POST /api/plans/:id/nominations: exactly one of personId and unitId. */
export const NominationCreate = z.object({
  round: z.enum(nominationRounds),
  personId: refId.nullable().default(null),
  unitId: refId.nullable().default(null),
  /** The award form version of the catalogue (awards). */
  formVersionId: refId,
  achievement: text(5000),
  periodFrom: isoDate,
  periodTo: isoDate,
});
export type NominationCreateInput = z.input<typeof NominationCreate>;

/** POST /api/nominations/:id/submit. */
export const NominationSubmit = z.object({
  version,
  /** Suggestions from history the proposer has weighed and set aside (form codes); never rules. */
  dismissedSuggestions: z.array(z.string().max(40)).max(20).default([]),
});
export type NominationSubmitInput = z.input<typeof NominationSubmit>;

/** POST /api/nominations/:id/return: the reason is required. */
export const NominationReturn = z.object({ version, reason: text(2000) });
export type NominationReturnInput = z.input<typeof NominationReturn>;

/** POST /api/nominations/:id/forward. */
export const NominationForward = z.object({ version });
export type NominationForwardInput = z.input<typeof NominationForward>;

/** POST /api/nominations/:id/withdraw. */
export const NominationWithdraw = z.object({ version });
export type NominationWithdrawInput = z.input<typeof NominationWithdraw>;

/** POST /api/nominations/:id/accept: the receiving level takes it in (its dossier complete). */
export const NominationAccept = z.object({ version });
export type NominationAcceptInput = z.input<typeof NominationAccept>;

/** POST /api/nominations/:id/approve: the deciding level approves it (claims the quota). */
export const NominationApprove = z.object({ version });
export type NominationApproveInput = z.input<typeof NominationApprove>;

/** POST /api/nominations/:id/reject: the deciding level does not award it, with a reason. */
export const NominationReject = z.object({ version, reason: text(2000) });
export type NominationRejectInput = z.input<typeof NominationReject>;

/** Multipart fields beside an attachment: the dossier checklist item it satisfies (optional). */
export const NominationAttachmentFields = z.object({ dossierItem: text(1000).optional() });

export const NominationAttachmentParams = z.object({ id, attachmentId: id });

// ── Responses ───────────────────────────────────────────────────────────────────────────────

const UnitRef = z.object({ id: z.number().int(), name: z.string() });

export const NominationStep = z.object({
  action: z.enum(['create', ...nominationMoves]),
  fromUnitId: z.number().int(),
  toUnitId: z.number().int(),
  reason: z.string().nullable(),
  at: z.string(),
});

export const NominationAttachment = z.object({
  id: z.number().int(),
  dossierItem: z.string().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: instantOrDate,
});
export type NominationAttachment = z.infer<typeof NominationAttachment>;

export const Nomination = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    round: z.enum(nominationRounds),
    subject: z.object({
      kind: z.enum(['person', 'unit']),
      id: z.number().int(),
      name: z.string(),
    }),
    form: z.object({ versionId: z.number().int(), code: z.string(), name: z.string() }),
    achievement: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    proposingUnit: UnitRef,
    currentUnit: UnitRef,
    status: z.enum(nominationStatuses),
    returnReason: z.string().nullable(),
    version: z.number().int(),
    steps: z.array(NominationStep),
    /** Advisory suggestions from history at the last check (submit). */
    suggestions: z.array(z.object({ formCode: z.string(), message: z.string() })),
    /** The level that decides the form (approves or rejects it; decision 041). */
    decidingUnit: UnitRef,
    /** The dossier checklist of the receiving level (the level above while a draft). */
    dossier: z.object({
      level: UnitRef.nullable(),
      items: z.array(z.object({ item: z.string(), present: z.boolean() })),
    }),
    attachments: z.array(NominationAttachment),
    /** The plan's quotas an approval at the deciding level counts against, with their use. */
    quotas: z.array(
      z.object({
        quotaKey: z.string(),
        label: z.string(),
        used: z.number().int(),
        cap: z.number().int().nullable(),
      }),
    ),
    /** What the caller may do with it now (the server checks again). */
    permissions: z.object({ propose: z.boolean(), review: z.boolean() }),
  })
  .meta({ id: 'Nomination' });
export type Nomination = z.infer<typeof Nomination>;

export const NominationListItem = Nomination.omit({
  steps: true,
  suggestions: true,
  decidingUnit: true,
  dossier: true,
  attachments: true,
  quotas: true,
  permissions: true,
});
export const NominationList = z
  .object({ items: z.array(NominationListItem) })
  .meta({ id: 'NominationList' });
export type NominationList = z.infer<typeof NominationList>;

export const NominationCandidates = z
  .object({
    /** False until the plan's results are published (then the lists are empty). */
    resultsPublished: z.boolean(),
    units: z.array(
      z.object({
        unitId: z.number().int(),
        unitName: z.string(),
        score: z.number(),
        bandLabel: z.string().nullable(),
        rank: z.number().int().nullable(),
      }),
    ),
    people: z.array(
      z.object({ personId: z.number().int(), fullName: z.string(), unitId: z.number().int() }),
    ),
  })
  .meta({ id: 'NominationCandidates' });
export type NominationCandidates = z.infer<typeof NominationCandidates>;

// ── Endpoints ───────────────────────────────────────────────────────────────────────────────

const NominationParams = IdParams.describe('the nomination');

export const nominationEndpoints = {
  candidates: defineEndpoint({
    method: 'GET',
    path: '/api/plans/:id/nomination-candidates',
    summary:
      "The candidates a plan's published results prefill: qualifying units (score, band, rank) and eligible people",
    tags: ['nominations'],
    access: 'user',
    params: IdParams.describe('the plan'),
    response: NominationCandidates,
  }),
  list: defineEndpoint({
    method: 'GET',
    path: '/api/plans/:id/nominations',
    summary: "A plan's nominations the actor may see (their subtree)",
    tags: ['nominations'],
    access: 'user',
    params: IdParams.describe('the plan'),
    response: NominationList,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/plans/:id/nominations',
    summary: 'Create a nomination (draft) for a round of the plan',
    tags: ['nominations'],
    access: 'user',
    params: IdParams.describe('the plan'),
    body: NominationCreate,
    response: Nomination,
    status: 201,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/nominations/:id',
    summary: 'A nomination with its history',
    tags: ['nominations'],
    access: 'user',
    params: NominationParams,
    response: Nomination,
  }),
  submit: defineEndpoint({
    method: 'POST',
    path: '/api/nominations/:id/submit',
    summary: 'Submit a nomination to the level above, after the eligibility check on the server',
    tags: ['nominations'],
    access: 'user',
    params: NominationParams,
    body: NominationSubmit,
    response: Nomination,
  }),
  return: defineEndpoint({
    method: 'POST',
    path: '/api/nominations/:id/return',
    summary: 'Return a nomination to its proposing unit, with a reason',
    tags: ['nominations'],
    access: 'user',
    params: NominationParams,
    body: NominationReturn,
    response: Nomination,
  }),
  forward: defineEndpoint({
    method: 'POST',
    path: '/api/nominations/:id/forward',
    summary: 'Forward a nomination to the parent of the level where it sits',
    tags: ['nominations'],
    access: 'user',
    params: NominationParams,
    body: NominationForward,
    response: Nomination,
  }),
  withdraw: defineEndpoint({
    method: 'POST',
    path: '/api/nominations/:id/withdraw',
    summary: 'Withdraw a nomination the proposing unit no longer wants considered',
    tags: ['nominations'],
    access: 'user',
    params: NominationParams,
    body: NominationWithdraw,
    response: Nomination,
  }),
  accept: defineEndpoint({
    method: 'POST',
    path: '/api/nominations/:id/accept',
    summary: 'The receiving level takes a nomination in, its dossier checklist complete',
    tags: ['nominations'],
    access: 'user',
    params: NominationParams,
    body: NominationAccept,
    response: Nomination,
  }),
  approve: defineEndpoint({
    method: 'POST',
    path: '/api/nominations/:id/approve',
    summary: "The deciding level approves a nomination, claiming the plan's quota",
    tags: ['nominations'],
    access: 'user',
    params: NominationParams,
    body: NominationApprove,
    response: Nomination,
  }),
  reject: defineEndpoint({
    method: 'POST',
    path: '/api/nominations/:id/reject',
    summary: 'The deciding level does not award a nomination, with a reason',
    tags: ['nominations'],
    access: 'user',
    params: NominationParams,
    body: NominationReject,
    response: Nomination,
  }),
  uploadAttachment: defineEndpoint({
    method: 'POST',
    path: '/api/nominations/:id/attachments',
    summary: "Attach a file to a nomination's dossier, tagged with the checklist item it satisfies",
    tags: ['nominations'],
    access: 'user',
    params: NominationParams,
    upload: { accept: EVIDENCE_TYPES },
    body: NominationAttachmentFields,
    response: NominationAttachment,
    status: 201,
  }),
  downloadAttachment: defineEndpoint({
    method: 'GET',
    path: '/api/nominations/:id/attachments/:attachmentId',
    summary: "Download a file of a nomination's dossier",
    tags: ['nominations'],
    access: 'user',
    params: NominationAttachmentParams,
    response: { kind: 'file', contentType: 'application/octet-stream' },
  }),
  removeAttachment: defineEndpoint({
    method: 'DELETE',
    path: '/api/nominations/:id/attachments/:attachmentId',
    summary: "Remove a file from a nomination's dossier while it is editable",
    tags: ['nominations'],
    access: 'user',
    params: NominationAttachmentParams,
    response: z.object({ id: z.number().int(), removed: z.boolean() }),
  }),
};
