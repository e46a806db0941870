import { z } from 'zod';
import { Band, CriteriaTree, QualifyingBandKeys, TieBreak, tieBreakSteps } from '../criteria';
import { defineEndpoint } from './endpoint';
import {
  IdParams,
  id,
  instant,
  isoDate,
  optionalText,
  page,
  pageOf,
  pageSize,
  text,
  version,
  versionText,
} from './fields';

/**
 * Criteria sets (bộ tiêu chí) and a plan's evaluation settings: request and response schemas and
 * the endpoints (decision 027). The server parses requests with these (and its labels); the web
 * takes its types from them.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// ── Requests ────────────────────────────────────────────────────────────────────────────────

/** POST /api/criteria: a new set, from a tree or as a copy of a version. */
export const CreateCriteriaSet = z
  .object({
    ownerUnitId: id,
    name: text(300),
    description: optionalText(2000),
    tree: CriteriaTree.optional(),
    basedOnVersionId: id.optional(),
  })
  .refine((v) => v.tree !== undefined || v.basedOnVersionId !== undefined, {
    message: 'cần cây tiêu chí hoặc một phiên bản làm gốc',
    path: ['tree'],
  });
export type CreateCriteriaSetInput = z.input<typeof CreateCriteriaSet>;

export const UpdateCriteriaDraft = z.object({
  version,
  tree: CriteriaTree,
});

export const PublishCriteriaVersion = z.object({ version });
export const NewCriteriaVersion = z.object({ basedOnVersionId: id });

export const ListCriteriaQuery = z.object({
  search: z.string().trim().max(100).optional(),
  page,
  pageSize,
});

/** The text fields beside the .xlsx of POST /api/criteria/versions/:id/import. */
export const ImportCriteriaFields = z.object({ version: versionText });

/** PUT /api/plans/:id/evaluation: the plan's criteria version, bands, deadline and ranking. */
export const BindCriteria = z.object({
  version,
  criteriaVersionId: id.nullable(),
  bands: z.array(Band).min(2).max(10).nullable().default(null),
  /** The last day (Vietnam time, inclusive) units may submit their self-assessment. */
  assessmentDeadline: isoDate.nullish().transform((v) => v ?? null),
  /** Tie-break steps after the percentage, in order; null or omitted = the default order. */
  tieBreak: TieBreak.nullish().transform((v) => v ?? null),
  /** Band keys that qualify for commendation; null or omitted = the top band. */
  qualifyingBandKeys: QualifyingBandKeys.nullish().transform((v) => v ?? null),
});
export type BindCriteriaInput = z.input<typeof BindCriteria>;

// ── Responses ───────────────────────────────────────────────────────────────────────────────

export const criteriaStatuses = ['draft', 'published'] as const;
export type CriteriaStatus = (typeof criteriaStatuses)[number];

export const CriteriaSetRef = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  /** The shipped illustrative template: no owner, read-only, to be copied. */
  isExample: z.boolean(),
  ownerUnit: z.object({ id: z.number().int(), name: z.string().nullable() }).nullable(),
});
export type CriteriaSetRef = z.infer<typeof CriteriaSetRef>;

/** A version as listed (GET /api/criteria items: no tree). */
export const CriteriaVersionSummary = z
  .object({
    id: z.number().int(),
    set: CriteriaSetRef,
    number: z.number().int(),
    status: z.enum(criteriaStatuses),
    leafCount: z.number().int(),
    maxTotal: z.number(),
    basedOnId: z.number().int().nullable(),
    version: z.number().int(),
    publishedAt: instant.nullable(),
    updatedAt: instant,
  })
  .meta({ id: 'CriteriaVersionSummary' });
export type CriteriaVersionSummary = z.infer<typeof CriteriaVersionSummary>;

/** A version with its tree and what the actor may do with it. */
export const CriteriaVersion = CriteriaVersionSummary.extend({
  tree: CriteriaTree,
  permissions: z.object({ canEdit: z.boolean(), canCopy: z.boolean() }),
}).meta({ id: 'CriteriaVersion' });
export type CriteriaVersion = z.infer<typeof CriteriaVersion>;

/** What PUT /api/plans/:id/evaluation answers: the plan's settings and its new version. */
export const PlanEvaluation = z.object({
  planId: z.number().int(),
  criteriaVersionId: z.number().int().nullable(),
  bands: z.array(Band).nullable(),
  assessmentDeadline: z.string().nullable(),
  tieBreak: z.array(z.enum(tieBreakSteps)).nullable(),
  qualifyingBandKeys: z.array(z.string()).nullable(),
  version: z.number().int(),
});
export type PlanEvaluation = z.infer<typeof PlanEvaluation>;

// ── Endpoints ───────────────────────────────────────────────────────────────────────────────

const tags = ['criteria'] as const;
const versionParams = IdParams.describe('the criteria version');

export const criteriaEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/criteria',
    summary: 'Criteria versions the user may read, newest first, searched and paged',
    tags,
    access: 'user',
    query: ListCriteriaQuery,
    response: pageOf(CriteriaVersionSummary),
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/criteria',
    summary: 'Create a criteria set (its first version, a draft)',
    tags,
    access: 'user',
    body: CreateCriteriaSet,
    response: CriteriaVersion,
    status: 201,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/criteria/versions/:id',
    summary: 'A criteria version with its tree',
    tags,
    access: 'user',
    params: versionParams,
    response: CriteriaVersion,
  }),
  update: defineEndpoint({
    method: 'PUT',
    path: '/api/criteria/versions/:id',
    summary: "Replace a draft's tree",
    tags,
    access: 'user',
    params: versionParams,
    body: UpdateCriteriaDraft,
    response: CriteriaVersion,
  }),
  publish: defineEndpoint({
    method: 'POST',
    path: '/api/criteria/versions/:id/publish',
    summary: 'Publish a draft (it never changes afterwards)',
    tags,
    access: 'user',
    params: versionParams,
    body: PublishCriteriaVersion,
    response: CriteriaVersion,
  }),
  export: defineEndpoint({
    method: 'GET',
    path: '/api/criteria/versions/:id/export.xlsx',
    summary: 'The version as .xlsx (also the import format)',
    tags,
    access: 'user',
    params: versionParams,
    response: { kind: 'file', contentType: XLSX },
  }),
  import: defineEndpoint({
    method: 'POST',
    path: '/api/criteria/versions/:id/import',
    summary: "Replace a draft's tree from an .xlsx in the export's format",
    tags,
    access: 'user',
    params: versionParams,
    upload: { accept: [XLSX] },
    body: ImportCriteriaFields,
    response: CriteriaVersion,
  }),
  newVersion: defineEndpoint({
    method: 'POST',
    path: '/api/criteria/sets/:id/versions',
    summary: "The set's next version, a draft copy of a version",
    tags,
    access: 'user',
    params: IdParams.describe('the criteria set'),
    body: NewCriteriaVersion,
    response: CriteriaVersion,
    status: 201,
  }),
  bindPlan: defineEndpoint({
    method: 'PUT',
    path: '/api/plans/:id/evaluation',
    summary: "Set the plan's criteria version, bands, assessment deadline and ranking rules",
    tags,
    access: 'user',
    params: IdParams.describe('the plan'),
    body: BindCriteria,
    response: PlanEvaluation,
  }),
};
