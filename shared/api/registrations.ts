import { z } from 'zod';
import { personCategories, unitKinds } from '../org';
import { planStatuses } from '../campaign';
import { BulkReview, Commitments, registrationStatuses } from '../registration';
import { defineEndpoint } from './endpoint';
import {
  IdParams,
  dateOnly,
  id,
  instant,
  optionalText,
  page,
  pageOf,
  pageSize,
  text,
  version,
} from './fields';

/**
 * Registrations (đăng ký thi đua): request and response schemas of every endpoint, and the
 * endpoints themselves (decision 027). The server parses requests with these (and its labels);
 * the web takes its types from them.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// ── Requests ────────────────────────────────────────────────────────────────────────────────

/** Commitments with something in them: a title aimed at, or at least one target or task. */
const FilledCommitments = Commitments.refine(
  (c) =>
    c.targetTitle !== null || c.targets.length + c.keyTasks.length + c.breakthroughTasks.length > 0,
  { message: 'cần ghi danh hiệu phấn đấu hoặc ít nhất một chỉ tiêu, nhiệm vụ' },
);

const lateReason = optionalText(1000);
const kind = z.enum(['collective', 'individual']);

/** POST /api/plans/:id/registrations: a unit (collective) or a person (individual) registers. */
export const CreateRegistration = z
  .object({
    kind,
    unitId: id.optional(),
    personId: id.optional(),
    commitments: FilledCommitments,
    lateReason,
  })
  .superRefine((v, ctx) => {
    const field = v.kind === 'collective' ? 'unitId' : 'personId';
    if (v[field] === undefined)
      ctx.addIssue({ code: 'custom', path: [field], message: 'không được để trống' });
  });
export type CreateRegistration = z.infer<typeof CreateRegistration>;
export type CreateRegistrationInput = z.input<typeof CreateRegistration>;

/** POST /api/plans/:id/registrations/bulk: many people of one unit, the same commitments. */
export const BulkRegistration = z.object({
  unitId: id,
  personIds: z
    .array(id)
    .min(1)
    .max(500)
    .transform((ids) => [...new Set(ids)]),
  commitments: FilledCommitments,
  lateReason,
});
export type BulkRegistrationInput = z.input<typeof BulkRegistration>;

export const UpdateRegistration = z.object({ version, commitments: FilledCommitments });
export const ResubmitRegistration = z.object({
  version,
  commitments: FilledCommitments.optional(),
});
export const Decide = z.object({ version });
export const ReturnRegistration = z.object({ version, reason: text(1000) });

export const ListRegistrationsQuery = z.object({
  status: z.enum(registrationStatuses).optional(),
  kind: kind.optional(),
  unitId: id.optional(),
  search: z.string().trim().max(100).optional(),
  page,
  pageSize,
});
export type ListRegistrationsQuery = z.infer<typeof ListRegistrationsQuery>;
export const ExportRegistrationsQuery = ListRegistrationsQuery.omit({ page: true, pageSize: true });

export const ProgressQuery = z.object({
  search: z.string().trim().max(100).optional(),
  page,
  pageSize,
});

// ── Responses ───────────────────────────────────────────────────────────────────────────────

/** Commitments as stored and sent back (trimmed, lists present). */
export const CommitmentsResponse = z.object({
  targetTitle: z.string().nullable(),
  targets: z.array(z.string()),
  keyTasks: z.array(z.string()),
  breakthroughTasks: z.array(z.string()),
});

/** A registration as the server returns it (toRegistrationResponse). */
export const Registration = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    kind,
    status: z.enum(registrationStatuses),
    unit: z.object({ id: z.number().int(), name: z.string(), kind: z.enum(unitKinds) }),
    person: z
      .object({
        id: z.number().int(),
        fullName: z.string(),
        position: z.string().nullable(),
        category: z.enum(personCategories).nullable(),
      })
      .nullable(),
    commitments: CommitmentsResponse,
    submittedAt: instant,
    submittedByName: z.string().nullable(),
    late: z.boolean(),
    lateReason: z.string().nullable(),
    decidedAt: instant.nullable(),
    decidedByName: z.string().nullable(),
    returnReason: z.string().nullable(),
    version: z.number().int(),
    updatedAt: instant,
  })
  .meta({ id: 'Registration' });
export type Registration = z.infer<typeof Registration>;

/** What the actor may do with a registration now, as decided by the server (registrations.policy). */
export const RegistrationPermissions = z
  .object({
    canEdit: z.boolean(),
    canResubmit: z.boolean(),
    canWithdraw: z.boolean(),
    canApprove: z.boolean(),
    canReturn: z.boolean(),
  })
  .meta({ id: 'RegistrationPermissions' });
export type RegistrationPermissions = z.infer<typeof RegistrationPermissions>;

/** A row of the plan's registration list: the registration and what the actor may do with it. */
export const RegistrationListItem = Registration.extend({ permissions: RegistrationPermissions });
export type RegistrationListItem = z.infer<typeof RegistrationListItem>;

/** GET /api/registrations/:id: the registration, its plan and what the actor may do now. */
export const RegistrationDetail = Registration.extend({
  plan: z.object({
    id: z.number().int(),
    documentNumber: z.string().nullable(),
    title: z.string(),
    status: z.enum(planStatuses),
    registrationDeadline: dateOnly.nullable(),
  }),
  permissions: RegistrationPermissions,
});
export type RegistrationDetail = z.infer<typeof RegistrationDetail>;

/** A collective the plan names, with its registration and its staff's. */
export const ProgressRow = z.object({
  unitId: z.number().int(),
  /** The unit's display name (with its parents' where another unit bears its name). */
  unitName: z.string(),
  unitKind: z.enum(unitKinds),
  /** The parent's name, for context, unless the display name already carries it. */
  parentName: z.string().nullable(),
  registrationId: z.number().int().nullable(),
  status: z.enum(registrationStatuses).nullable(),
  late: z.boolean().nullable(),
  peopleRegistered: z.number().int(),
  peopleEligible: z.number().int(),
  /** The user may register this unit (registration.submit over it): the server's decision. */
  canRegister: z.boolean(),
});
export type ProgressRow = z.infer<typeof ProgressRow>;

export const RegistrationProgress = pageOf(ProgressRow).extend({
  unitsEligible: z.number().int(),
  unitsRegistered: z.number().int(),
  peopleEligible: z.number().int(),
  peopleRegistered: z.number().int(),
});
export type RegistrationProgress = z.infer<typeof RegistrationProgress>;

export const BulkRegistrationResult = z.object({
  items: z.array(Registration),
  count: z.number().int(),
});

/** The answer to a bulk review: every registration it changed, as it now stands. */
export const BulkReviewResult = z.object({
  decision: z.enum(['approve', 'return']),
  count: z.number().int(),
  items: z.array(
    z.object({
      id: z.number().int(),
      status: z.enum(registrationStatuses),
      version: z.number().int(),
    }),
  ),
});
export type BulkReviewResult = z.infer<typeof BulkReviewResult>;

// ── Endpoints ───────────────────────────────────────────────────────────────────────────────

const tags = ['registrations'] as const;
const planParams = IdParams.describe('the plan');
const registrationParams = IdParams.describe('the registration');

export const registrationEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/plans/:id/registrations',
    summary: "A plan's registrations the user may see, filtered and paged",
    tags,
    access: 'user',
    params: planParams,
    query: ListRegistrationsQuery,
    response: pageOf(RegistrationListItem),
  }),
  progress: defineEndpoint({
    method: 'GET',
    path: '/api/plans/:id/registrations/progress',
    summary: 'Registration progress by unit, with totals',
    tags,
    access: 'user',
    params: planParams,
    query: ProgressQuery,
    response: RegistrationProgress,
  }),
  export: defineEndpoint({
    method: 'GET',
    path: '/api/plans/:id/registrations.xlsx',
    summary: 'The registration list (same filters, no paging) as .xlsx',
    tags,
    access: 'user',
    params: planParams,
    query: ExportRegistrationsQuery,
    response: { kind: 'file', contentType: XLSX },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/plans/:id/registrations',
    summary: 'Register a unit or a person for the plan',
    tags,
    access: 'user',
    params: planParams,
    body: CreateRegistration,
    response: Registration,
    status: 201,
  }),
  bulkCreate: defineEndpoint({
    method: 'POST',
    path: '/api/plans/:id/registrations/bulk',
    summary: "Register many of a unit's staff with the same commitments",
    tags,
    access: 'user',
    params: planParams,
    body: BulkRegistration,
    response: BulkRegistrationResult,
    status: 201,
  }),
  bulkReview: defineEndpoint({
    method: 'POST',
    path: '/api/plans/:id/registrations/review',
    summary: 'Approve or return many submitted registrations at once (all or nothing)',
    tags,
    access: 'user',
    params: planParams,
    body: BulkReview,
    response: BulkReviewResult,
  }),
  detail: defineEndpoint({
    method: 'GET',
    path: '/api/registrations/:id',
    summary: 'A registration with its plan and what the user may do with it',
    tags,
    access: 'user',
    params: registrationParams,
    response: RegistrationDetail,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/registrations/:id',
    summary: 'Edit the commitments of a submitted or returned registration',
    tags,
    access: 'user',
    params: registrationParams,
    body: UpdateRegistration,
    response: Registration,
  }),
  approve: defineEndpoint({
    method: 'POST',
    path: '/api/registrations/:id/approve',
    summary: 'Approve a submitted registration',
    tags,
    access: 'user',
    params: registrationParams,
    body: Decide,
    response: Registration,
  }),
  return: defineEndpoint({
    method: 'POST',
    path: '/api/registrations/:id/return',
    summary: 'Return a submitted registration for correction, with a reason',
    tags,
    access: 'user',
    params: registrationParams,
    body: ReturnRegistration,
    response: Registration,
  }),
  withdraw: defineEndpoint({
    method: 'POST',
    path: '/api/registrations/:id/withdraw',
    summary: 'Withdraw a registration (the registrant side)',
    tags,
    access: 'user',
    params: registrationParams,
    body: Decide,
    response: Registration,
  }),
  resubmit: defineEndpoint({
    method: 'POST',
    path: '/api/registrations/:id/resubmit',
    summary: 'Send a returned registration back for review, optionally with new commitments',
    tags,
    access: 'user',
    params: registrationParams,
    body: ResubmitRegistration,
    response: Registration,
  }),
  form: defineEndpoint({
    method: 'GET',
    path: '/api/registrations/:id/form.docx',
    summary: 'The registration form (bản đăng ký thi đua) as .docx',
    tags,
    access: 'user',
    params: registrationParams,
    response: { kind: 'file', contentType: DOCX },
  }),
};
