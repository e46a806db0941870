import { z } from 'zod';
import {
  campaignModes,
  carriedSections,
  PlanContent,
  PlanContentInput,
  planDocTypes,
  planKinds,
  planStatuses,
} from '../campaign';
import { Band, tieBreakSteps } from '../criteria';
import { DoubtCode, LOW_CONFIDENCE } from '../doubtful-text';
import { unitKinds } from '../org';
import { PlanOutline } from '../plan-outline';
import { Evidence, PlanImportJson } from '../plan-reading';
import { AuditPage } from './audit';
import { defineEndpoint } from './endpoint';
import {
  IdParams,
  dateOnly,
  id,
  instant,
  isoDate,
  page,
  pageOf,
  pageSize,
  text,
  version,
} from './fields';

/**
 * Campaign plans (kế hoạch thi đua): request and response schemas of every endpoint, and the
 * endpoints themselves, the public portal's included (decision 027). The server parses requests
 * with these (and its labels, server/modules/campaigns/campaigns.schemas.ts); the web takes its
 * types from them.
 */

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF = 'application/pdf';

// ── Requests ────────────────────────────────────────────────────────────────────────────────

const nullableDate = isoDate.nullish().transform((v) => v ?? null);
const issuerSymbol = z
  .string()
  .trim()
  .transform((v) => v.toLocaleUpperCase('vi').replace(/\s+/g, ''))
  .pipe(
    z
      .string()
      .min(1)
      .max(30)
      .regex(/^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/, 'chỉ gồm chữ in hoa, chữ số và dấu gạch, ví dụ UBND'),
  );

/** Fields a draft carries; every one optional on update (no defaults there: absent = unchanged). */
const draftFields = {
  kind: z.enum(planKinds),
  mode: z.enum(campaignModes).nullable(),
  docType: z.enum(planDocTypes),
  issuerSymbol,
  place: text(100),
  title: text(1000),
  periodStart: nullableDate,
  periodEnd: nullableDate,
  registrationDeadline: nullableDate,
  cascadeDeadline: nullableDate,
  // A unit named twice is required once (the list is stored as rows keyed by plan and unit).
  cascadeUnitIds: z
    .array(id)
    .max(2000)
    .transform((ids) => [...new Set(ids)]),
  // Items may come without ids; the service assigns and checks them (plan-items.rules.ts).
  content: PlanContentInput,
};

function periodOrdered(v: { periodStart?: string | null; periodEnd?: string | null }) {
  return !v.periodStart || !v.periodEnd || v.periodEnd >= v.periodStart;
}
const periodMessage = {
  message: 'phải sau hoặc trùng ngày bắt đầu',
  path: ['periodEnd'],
};

const createFields = {
  issuingUnitId: id,
  parentPlanId: id.nullish().transform((v) => v ?? null),
  ...draftFields,
  mode: draftFields.mode.default(null),
  docType: draftFields.docType.default('KH'),
  issuerSymbol: issuerSymbol.default('UBND'),
  cascadeUnitIds: draftFields.cascadeUnitIds.default([]),
  content: PlanContentInput.default(() => PlanContentInput.parse({})),
};

/** POST /api/plans: a new draft at the issuing unit (the service's parse). */
export const CreatePlan = z.object(createFields).refine(periodOrdered, periodMessage);
export type CreatePlan = z.infer<typeof CreatePlan>;

/** Beside a CreatePlan body: the draft comes from an import; the values confirmed there. */
export const ImportReviewInput = z.object({
  importReview: z
    .object({ confirmed: z.array(z.string().max(3000)).max(1000).default([]) })
    .nullish()
    .transform((v) => v ?? null),
});

/** What POST /api/plans accepts: the draft, and `importReview` when it was read from a document. */
export const CreatePlanBody = z
  .object({ ...createFields, ...ImportReviewInput.shape })
  .refine(periodOrdered, periodMessage);
export type CreatePlanInput = z.input<typeof CreatePlanBody>;

export const UpdateDraft = z
  .object({ version, ...draftFields })
  .partial()
  .required({ version: true })
  .refine(periodOrdered, periodMessage);
export type UpdateDraft = z.infer<typeof UpdateDraft>;

/** Unsaved editor values for a preview: any draft field, nothing required. */
export const DraftEdits = z.object(draftFields).partial().refine(periodOrdered, periodMessage);

export const AmendPlan = z
  .object({ version, reason: text(1000), ...draftFields })
  .partial()
  .required({ version: true, reason: true })
  .refine(periodOrdered, periodMessage);
export type AmendPlan = z.infer<typeof AmendPlan>;

export const IssuePlan = z.object({
  version,
  /**
   * Defaults to today (Vietnam time). A future date is refused; an earlier one is allowed down to
   * the date of the last document issued in the same series (numbers follow dates).
   */
  issuedOn: isoDate.optional(),
  /** Issue even though the period has ended or the registration deadline has passed. */
  acknowledgePastDates: z.boolean().default(false),
  /** Issue a child plan even though sections carried over from the parent are not reviewed. */
  acknowledgeUnreviewed: z.boolean().default(false),
});

/** A document already issued on paper, recorded with its own number and date ("vào sổ"). */
export const RecordIssued = z.object({
  version,
  documentNumber: z.string().trim().min(1).max(40),
  issuedOn: isoDate,
});

export const CancelPlan = z.object({ version, reason: text(1000) });
export const ClosePlan = z.object({ version });

/** Doubtful imported values the officer keeps as they are (their `key`s). */
export const ConfirmDoubts = z.object({
  version,
  keys: z.array(z.string().max(3000)).min(1).max(1000),
});

export const StartChildPlan = z.object({ unitId: id });

export const ListPlansQuery = z.object({
  search: z.string().trim().max(100).optional(),
  status: z.enum(planStatuses).optional(),
  kind: z.enum(planKinds).optional(),
  unitId: id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page,
  pageSize,
});

/** The portal's list: published plans only, so no status filter; `unitId` keeps its subtree. */
export const PublicPlansQuery = z.object({
  search: z.string().trim().max(100).optional(),
  kind: z.enum(planKinds).optional(),
  provinceId: id.optional(),
  unitId: id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page,
  pageSize,
});

/** The unit filter's picker: units that issued plans, found by name (or one by id, for its label). */
export const IssuingUnitsQuery = z.object({
  search: z.string().trim().max(100).optional(),
  id: id.optional(),
});

/** Which issued version of a plan to download (the current document when absent). */
export const DownloadQuery = z.object({
  version: z.coerce.number().int().positive().max(100_000).optional(),
});

export const SectionParam = z.enum(carriedSections);

/** The paging of the plan's change log. */
export const HistoryQuery = z.object({ page, pageSize });

/** POST /api/plans/import as JSON (a file is sent as multipart/form-data instead). */
export const ReadPlanBody = z.object({
  text: z.string().optional().describe('pasted text of the plan, when no file is sent'),
});

// ── Responses ───────────────────────────────────────────────────────────────────────────────

const unitRef = z.object({ id: z.number().int(), name: z.string(), kind: z.enum(unitKinds) });

/** GET /api/plans items (toPlanSummary on the server). */
export const PlanSummary = z
  .object({
    id: z.number().int(),
    kind: z.enum(planKinds),
    mode: z.enum(campaignModes).nullable(),
    status: z.enum(planStatuses),
    documentNumber: z.string().nullable(),
    /** "KH-UBND". */
    documentSymbol: z.string(),
    issuedOn: dateOnly.nullable(),
    title: z.string(),
    place: z.string(),
    issuingUnit: unitRef,
    periodStart: dateOnly.nullable(),
    periodEnd: dateOnly.nullable(),
    registrationDeadline: dateOnly.nullable(),
    parentPlanId: z.number().int().nullable(),
    documentVersion: z.number().int(),
    updatedAt: instant,
  })
  .meta({ id: 'PlanSummary' });
export type PlanSummary = z.infer<typeof PlanSummary>;

const planFields = {
  ...PlanSummary.shape,
  docType: z.enum(planDocTypes),
  issuerSymbol: z.string(),
  cascadeDeadline: dateOnly.nullable(),
  content: PlanContent,
  version: z.number().int(),
  cancelledReason: z.string().nullable(),
  assessmentDeadline: dateOnly.nullable(),
  /** The bound criteria version (published) and classification bands (null = the defaults). */
  criteriaVersionId: z.number().int().nullable(),
  bands: z.array(Band).nullable(),
  /** Tie-break steps after the percentage, in order (null = the default order). */
  tieBreak: z.array(z.enum(tieBreakSteps)).nullable(),
  /** Band keys whose units qualify for commendation (null = the top band). */
  qualifyingBandKeys: z.array(z.string()).nullable(),
};

/** A plan as returned by create, update, issue, amend, cancel and close (toPlanResponse). */
export const Plan = z.object(planFields).meta({ id: 'Plan' });
export type Plan = z.infer<typeof Plan>;

/** What the actor may do with a plan now, as decided by the server (campaigns.policy). */
export const PlanPermissions = z
  .object({
    canEdit: z.boolean(),
    canIssue: z.boolean(),
    canAmend: z.boolean(),
    canCancel: z.boolean(),
    canClose: z.boolean(),
    /** The change log stays inside the issuing unit's tree. */
    canViewHistory: z.boolean(),
    /** registration.submit over the issuing unit: registers for every unit of the plan. */
    registersEverywhere: z.boolean(),
    /** registration.review over the issuing unit: approves, returns, accepts late ones. */
    canReviewRegistrations: z.boolean(),
    /** campaign.view over the issuing unit: the evaluation overview ("Tổng quan đánh giá"). */
    canViewDashboard: z.boolean(),
    /** quota.simulate over the issuing unit: the quota what-if tab ("Hạn mức khen thưởng"). */
    canSimulateQuota: z.boolean(),
  })
  .meta({ id: 'PlanPermissions' });
export type PlanPermissions = z.infer<typeof PlanPermissions>;

/** A doubtful imported value, where it is and why; `key` is what confirming it records. */
export const DoubtfulValue = z.object({
  /** Path in the plan: "title", "content.criteria.individual.2". */
  field: z.string(),
  /** What the officer reads: "Tiêu chí cá nhân — dòng 3". */
  label: z.string(),
  value: z.string(),
  code: z.enum([...Object.values(DoubtCode), LOW_CONFIDENCE]),
  reason: z.string(),
  key: z.string(),
});

/** What issuing a draft today would lead to, computed from its dates alone. */
export const IssueOutlook = z.object({
  /** The status the plan lands in if issued today. */
  status: z.enum(planStatuses),
  /** The period has ended before today: the plan goes straight to review. */
  periodEnded: z.boolean(),
  /** The registration deadline is before today. */
  registrationDeadlinePassed: z.boolean(),
  /** Registrations are taken once issued (the plan runs and the deadline has not passed). */
  registrationOpen: z.boolean(),
  /** Whole days of registration left (0 = today is the last day); null when closed or unlimited. */
  registrationDaysLeft: z.number().int().nullable(),
  /** The dates already past, in field order: issuing needs an explicit acknowledgement. */
  pastDates: z.array(
    z.object({
      field: z.enum(['periodEnd', 'registrationDeadline']),
      label: z.string(),
      date: dateOnly,
      message: z.string(),
    }),
  ),
});

/** A section a child plan carried over from its parent, and its review ("Đã xem lại"). */
export const CarriedSectionReview = z.object({
  section: z.enum(carriedSections),
  label: z.string(),
  /** The wording was adapted to the unit's level (huyện → xã …). */
  adapted: z.boolean(),
  reviewedAt: instant.nullable(),
  reviewedByName: z.string().nullable(),
});
export type CarriedSectionReview = z.infer<typeof CarriedSectionReview>;

/** GET /api/plans/:id: the plan with its cascade units, parent and what the actor may do. */
export const PlanDetail = z
  .object({
    ...planFields,
    cascadeUnitIds: z.array(z.number().int()),
    parent: PlanSummary.nullable(),
    permissions: PlanPermissions,
    /** Imported values still to review before issuing (decision 017); [] when none. */
    doubts: z.array(DoubtfulValue),
    /** Sections carried over from the parent plan, with their review ([] for other plans). */
    carriedSections: z.array(CarriedSectionReview),
    /** A draft: what issuing it today would lead to (null once issued). */
    issueOutlook: IssueOutlook.nullable(),
  })
  .meta({ id: 'PlanDetail' });
export type PlanDetail = z.infer<typeof PlanDetail>;

/** The plan after confirming doubtful values, with those still open. */
export const PlanWithDoubts = z.object({ ...planFields, doubts: z.array(DoubtfulValue) });

export const PlanVersion = z.object({
  version: z.number().int(),
  reason: z.string(),
  createdAt: instant,
  createdByName: z.string().nullable(),
});
export type PlanVersion = z.infer<typeof PlanVersion>;

export const cascadeStates = ['issued', 'late', 'draft', 'missing'] as const;
export type CascadeState = (typeof cascadeStates)[number];

/** A parent plan's cascade: every unit that must issue its own plan, and where it stands. */
export const CascadeBoard = z.object({
  deadline: dateOnly.nullable(),
  daysLeft: z.number().int().nullable(),
  counts: z.object({
    issued: z.number().int(),
    late: z.number().int(),
    draft: z.number().int(),
    missing: z.number().int(),
  }),
  units: z.array(
    z.object({
      unit: unitRef,
      state: z.enum(cascadeStates),
      plan: z
        .object({
          /** Null when the actor may not open this unit's draft. */
          id: z.number().int().nullable(),
          status: z.enum(planStatuses),
          documentNumber: z.string().nullable(),
          issuedOn: dateOnly.nullable(),
          linked: z.boolean(),
        })
        .nullable(),
    }),
  ),
});
export type CascadeBoard = z.infer<typeof CascadeBoard>;

/** The chain of parents up to the top, the plan, and its direct children the actor may see. */
export const PlanTree = z.object({
  ancestors: z.array(PlanSummary),
  plan: PlanSummary,
  children: z.array(PlanSummary.extend({ childCount: z.number().int() })),
});
export type PlanTree = z.infer<typeof PlanTree>;

/** A unit of the issuing-unit filter (its subtree issued plans). */
export const IssuingUnit = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(unitKinds),
  parentName: z.string().nullable(),
  level: z.number().int(),
});
export type IssuingUnit = z.infer<typeof IssuingUnit>;

/** A plan as published on the portal: no edit version, reason or evaluation settings. */
export const PublicPlan = Plan.omit({
  version: true,
  cancelledReason: true,
  criteriaVersionId: true,
  bands: true,
  tieBreak: true,
  qualifyingBandKeys: true,
})
  .extend({
    /** The ranking is public: only then is it asked for (its endpoint answers 404 before). */
    resultsPublished: z.boolean(),
  })
  .meta({ id: 'PublicPlan' });
export type PublicPlan = z.infer<typeof PublicPlan>;

/** The CreatePlan body a reading maps to, minus the issuing unit. */
export const PlanDraft = z.object({
  kind: z.enum(planKinds),
  mode: z.enum(campaignModes).nullable(),
  docType: z.enum(planDocTypes),
  issuerSymbol: z.string(),
  place: z.string().nullable(),
  title: z.string().nullable(),
  periodStart: dateOnly.nullable(),
  periodEnd: dateOnly.nullable(),
  registrationDeadline: dateOnly.nullable(),
  cascadeDeadline: dateOnly.nullable(),
  parentPlanId: z.number().int().nullable(),
  content: PlanContentInput,
});
export type PlanDraft = z.infer<typeof PlanDraft>;

/** POST /api/plans/import: what was read, where each value came from, and the draft it makes. */
export const PlanReading = z.object({
  /** The source text (NFC); evidence offsets point into it. */
  text: z.string(),
  found: PlanImportJson,
  /** Keyed by top-level field of `found`; each entry names its full path ("legalBases.0"). */
  evidence: z.record(z.string(), z.array(Evidence)),
  draft: PlanDraft,
  /** Values to review before the draft can be issued (decision 017). */
  doubts: z.array(DoubtfulValue),
});
export type PlanReading = z.infer<typeof PlanReading>;

// ── Endpoints ───────────────────────────────────────────────────────────────────────────────

const tags = ['plans'] as const;
const publicTags = ['public'] as const;
const planParams = IdParams.describe('the plan');

export const planEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/plans',
    summary: 'Plans the user may list (every issued plan, drafts in scope), filtered and paged',
    tags,
    access: 'user',
    query: ListPlansQuery,
    response: pageOf(PlanSummary),
  }),
  issuingUnits: defineEndpoint({
    method: 'GET',
    path: '/api/plans/issuing-units',
    summary: 'Units for the issuing-unit filter of the plans list (at most 20)',
    tags,
    access: 'user',
    query: IssuingUnitsQuery,
    response: z.object({ items: z.array(IssuingUnit) }),
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/plans',
    summary: "Create a draft at the issuing unit (its emulation officer's)",
    tags,
    access: 'user',
    body: CreatePlanBody,
    response: Plan,
    status: 201,
  }),
  read: defineEndpoint({
    method: 'POST',
    path: '/api/plans/import',
    summary: 'Read a plan document (.txt, .docx, .pdf or pasted text) into a draft; saves nothing',
    tags,
    access: 'user',
    body: ReadPlanBody,
    upload: { accept: ['text/plain', DOCX, PDF] },
    response: PlanReading,
  }),
  detail: defineEndpoint({
    method: 'GET',
    path: '/api/plans/:id',
    summary: 'A plan with its cascade units, parent, doubts and what the user may do',
    tags,
    access: 'user',
    params: planParams,
    response: PlanDetail,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/plans/:id',
    summary: 'Edit a draft (its unit officer; the current version)',
    tags,
    access: 'user',
    params: planParams,
    body: UpdateDraft,
    response: Plan,
  }),
  issue: defineEndpoint({
    method: 'POST',
    path: '/api/plans/:id/issue',
    summary: 'Issue a draft: a number in its series, the version frozen (the unit head)',
    tags,
    access: 'user',
    params: planParams,
    body: IssuePlan,
    response: Plan,
  }),
  recordIssued: defineEndpoint({
    method: 'POST',
    path: '/api/plans/:id/record-issued',
    summary: 'Record a draft as a document already issued on paper, with its number and date',
    tags,
    access: 'user',
    params: planParams,
    body: RecordIssued,
    response: Plan,
  }),
  confirmDoubts: defineEndpoint({
    method: 'POST',
    path: '/api/plans/:id/doubts/confirm',
    summary: 'Keep doubtful imported values of a draft as they are',
    tags,
    access: 'user',
    params: planParams,
    body: ConfirmDoubts,
    response: PlanWithDoubts,
  }),
  amend: defineEndpoint({
    method: 'POST',
    path: '/api/plans/:id/amend',
    summary: 'Amend an issued plan: a new document version with a reason',
    tags,
    access: 'user',
    params: planParams,
    body: AmendPlan,
    response: Plan,
  }),
  cancel: defineEndpoint({
    method: 'POST',
    path: '/api/plans/:id/cancel',
    summary: 'Cancel a draft or a live plan, with a reason',
    tags,
    access: 'user',
    params: planParams,
    body: CancelPlan,
    response: Plan,
  }),
  close: defineEndpoint({
    method: 'POST',
    path: '/api/plans/:id/close',
    summary: 'Close a plan after its final review',
    tags,
    access: 'user',
    params: planParams,
    body: ClosePlan,
    response: Plan,
  }),
  versions: defineEndpoint({
    method: 'GET',
    path: '/api/plans/:id/versions',
    summary: 'The issued versions of a plan, newest first',
    tags,
    access: 'user',
    params: planParams,
    response: z.object({ items: z.array(PlanVersion) }),
  }),
  history: defineEndpoint({
    method: 'GET',
    path: '/api/plans/:id/history',
    summary: "A plan's change log (the issuing unit's tree only)",
    tags,
    access: 'user',
    params: planParams,
    query: HistoryQuery,
    response: AuditPage,
  }),
  reviewCarriedSection: defineEndpoint({
    method: 'POST',
    path: '/api/plans/:id/carried-sections/:section/review',
    summary: 'Mark a section carried over from the parent plan reviewed (idempotent)',
    tags,
    access: 'user',
    params: z.object({ id, section: SectionParam }),
    response: z.object({ items: z.array(CarriedSectionReview) }),
  }),
  cascade: defineEndpoint({
    method: 'GET',
    path: '/api/plans/:id/cascade',
    summary: "The plan's cascade board: lower units' plans issued, late, draft or missing",
    tags,
    access: 'user',
    params: planParams,
    response: CascadeBoard,
  }),
  tree: defineEndpoint({
    method: 'GET',
    path: '/api/plans/:id/tree',
    summary: "The plan's parents up to the top and its direct children",
    tags,
    access: 'user',
    params: planParams,
    response: PlanTree,
  }),
  startChild: defineEndpoint({
    method: 'POST',
    path: '/api/plans/:id/children',
    summary: "Start a lower unit's draft from an issued plan (pre-filled, sections carried)",
    tags,
    access: 'user',
    params: planParams,
    body: StartChildPlan,
    response: Plan,
    status: 201,
  }),
  preview: defineEndpoint({
    method: 'POST',
    path: '/api/plans/:id/preview',
    summary: 'The official layout of the plan, with unsaved edits applied (writes nothing)',
    tags,
    access: 'user',
    params: planParams,
    body: DraftEdits,
    response: PlanOutline,
  }),
  documentDocx: defineEndpoint({
    method: 'GET',
    path: '/api/plans/:id/document.docx',
    summary: 'The plan as .docx (an issued version, or the draft marked DỰ THẢO)',
    tags,
    access: 'user',
    params: planParams,
    query: DownloadQuery,
    response: { kind: 'file', contentType: DOCX },
  }),
  documentPdf: defineEndpoint({
    method: 'GET',
    path: '/api/plans/:id/document.pdf',
    summary: 'The plan as .pdf (an issued version, or the draft marked DỰ THẢO)',
    tags,
    access: 'user',
    params: planParams,
    query: DownloadQuery,
    response: { kind: 'file', contentType: PDF },
  }),
};

/** The portal's: published plans (issued, not cancelled), no login. */
export const publicPlanEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/public/plans',
    summary: 'Published plans, newest first, filtered and paged',
    tags: publicTags,
    access: 'public',
    query: PublicPlansQuery,
    response: pageOf(PlanSummary),
  }),
  issuingUnits: defineEndpoint({
    method: 'GET',
    path: '/api/public/plans/issuing-units',
    summary: "Units for the portal's issuing-unit filter (at most 20)",
    tags: publicTags,
    access: 'public',
    query: IssuingUnitsQuery,
    response: z.object({ items: z.array(IssuingUnit) }),
  }),
  detail: defineEndpoint({
    method: 'GET',
    path: '/api/public/plans/:id',
    summary: 'A published plan, and whether its results are published',
    tags: publicTags,
    access: 'public',
    params: planParams,
    response: PublicPlan,
  }),
  documentDocx: defineEndpoint({
    method: 'GET',
    path: '/api/public/plans/:id/document.docx',
    summary: 'A published plan as .docx',
    tags: publicTags,
    access: 'public',
    params: planParams,
    query: DownloadQuery,
    response: { kind: 'file', contentType: DOCX },
  }),
  documentPdf: defineEndpoint({
    method: 'GET',
    path: '/api/public/plans/:id/document.pdf',
    summary: 'A published plan as .pdf',
    tags: publicTags,
    access: 'public',
    params: planParams,
    query: DownloadQuery,
    response: { kind: 'file', contentType: PDF },
  }),
};
