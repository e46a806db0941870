import { z } from 'zod';
import { awardKinds, awardScopes, awardSubjects, deciders, roundingModes } from '../awards';
import { dateOnly, id, instantOrDate, isoDate, optionalText, text } from './fields';
import { defineEndpoint } from './endpoint';

/**
 * The award catalogue (danh mục khen thưởng, decision 035): titles and forms in dated versions,
 * the base salary and the rounding rule; request and response schemas and the endpoints
 * (decision 027). Enums and labels are shared/awards.ts.
 */

// ── Requests ────────────────────────────────────────────────────────────────────────────────

/** GET /api/award-catalogue: the catalogue as of a date (default: today in Vietnam). */
export const CatalogueQuery = z.object({ date: isoDate.optional() });

const money = z.number().int().min(0).max(10_000_000_000);

/** What a version says; every change of a form is a new version of it. */
export const VersionFields = z.object({
  name: text(200),
  kind: z.enum(awardKinds),
  subject: z.enum(awardSubjects),
  /** Decree 152 coefficient of the base salary (0,3 for a Giấy khen to an individual). */
  coefficient: z.number().min(0).max(100).nullable().default(null),
  /** A fixed amount instead of a coefficient (a plan's or province's own form). */
  fixedAmount: money.nullable().default(null),
  deciders: z.array(z.enum(deciders)).min(1).max(deciders.length),
  legalBasis: optionalText(1000),
  validFrom: isoDate,
  /** Last day in force, inclusive; null: until a later version. */
  validTo: isoDate.nullable().default(null),
});
export type VersionInput = z.input<typeof VersionFields>;

/** POST /api/award-catalogue/forms: a new form of the national catalogue or of a province. */
export const NewAwardForm = VersionFields.extend({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9_]{2,40}$/, 'chỉ gồm chữ in hoa không dấu, chữ số và dấu _, từ 2 đến 40 ký tự'),
  scope: z.enum(['national', 'province']),
  /** The province (an org unit of kind province) for scope 'province'. */
  provinceUnitId: id.nullable().default(null),
});
export type NewAwardFormInput = z.input<typeof NewAwardForm>;

/** POST /api/award-catalogue/base-salaries: mức lương cơ sở from a date. */
export const NewBaseSalary = z.object({
  amount: z.number().int().min(1).max(1_000_000_000),
  effectiveFrom: isoDate,
  legalBasis: text(1000),
});
export type NewBaseSalaryInput = z.input<typeof NewBaseSalary>;

/** POST /api/award-catalogue/roundings: the rounding rule from a date. */
export const NewRounding = z.object({
  mode: z.enum(roundingModes),
  step: z.number().int().min(1).max(1_000_000),
  effectiveFrom: isoDate,
  legalBasis: optionalText(1000),
});
export type NewRoundingInput = z.input<typeof NewRounding>;

// ── Responses ───────────────────────────────────────────────────────────────────────────────

export const AwardFormVersion = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: z.enum(awardKinds),
    subject: z.enum(awardSubjects),
    coefficient: z.number().nullable(),
    fixedAmount: z.number().int().nullable(),
    deciders: z.array(z.enum(deciders)),
    legalBasis: z.string().nullable(),
    validFrom: dateOnly,
    /** As recorded (null: open-ended). */
    validTo: dateOnly.nullable(),
    /** The last day it is in force, given the later versions (null: still in force). */
    effectiveTo: dateOnly.nullable(),
    createdAt: instantOrDate,
    createdBy: z.string().nullable(),
  })
  .meta({ id: 'AwardFormVersion' });
export type AwardFormVersion = z.infer<typeof AwardFormVersion>;

/** The amount of a form on the catalogue's date, or why there is none. */
export const AmountOn = z.union([
  z.object({ ok: z.literal(true), amount: z.number().int(), explanation: z.string() }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);

export const AwardFormRow = z
  .object({
    id: z.number().int(),
    code: z.string(),
    scope: z.enum(awardScopes),
    province: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    planId: z.number().int().nullable(),
    /** The version in force on the catalogue's date (null: none, e.g. not yet or no longer). */
    current: AwardFormVersion.nullable(),
    amount: AmountOn.nullable(),
    /** Every version, oldest first. */
    versions: z.array(AwardFormVersion),
    canAddVersion: z.boolean(),
  })
  .meta({ id: 'AwardFormRow' });
export type AwardFormRow = z.infer<typeof AwardFormRow>;

export const BaseSalaryRow = z.object({
  id: z.number().int(),
  amount: z.number().int(),
  effectiveFrom: dateOnly,
  /** The day before the next value starts (null: still in force). */
  effectiveTo: dateOnly.nullable(),
  legalBasis: z.string(),
  createdAt: instantOrDate,
});
export type BaseSalaryRow = z.infer<typeof BaseSalaryRow>;

export const RoundingRow = z.object({
  id: z.number().int(),
  mode: z.enum(roundingModes),
  step: z.number().int(),
  effectiveFrom: dateOnly,
  effectiveTo: dateOnly.nullable(),
  legalBasis: z.string().nullable(),
  createdAt: instantOrDate,
});
export type RoundingRow = z.infer<typeof RoundingRow>;

export const AwardCatalogue = z.object({
  /** The date the catalogue is read as of. */
  date: dateOnly,
  forms: z.array(AwardFormRow),
  baseSalaries: z.array(BaseSalaryRow),
  roundings: z.array(RoundingRow),
  /** May add national forms, base salaries and rounding rules (a system-wide administrator). */
  canManageNational: z.boolean(),
  /** Provinces whose own forms the actor may add. */
  manageableProvinces: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type AwardCatalogue = z.infer<typeof AwardCatalogue>;

// ── Endpoints ───────────────────────────────────────────────────────────────────────────────

const tags = ['awards'] as const;
const formParams = z.object({ id }).describe('the award form');

export const awardEndpoints = {
  catalogue: defineEndpoint({
    method: 'GET',
    path: '/api/award-catalogue',
    summary:
      'The award catalogue as of a date: forms with the version in force, amount and history; base salaries; rounding rules',
    tags,
    access: 'user',
    query: CatalogueQuery,
    response: AwardCatalogue,
  }),
  addForm: defineEndpoint({
    method: 'POST',
    path: '/api/award-catalogue/forms',
    summary: "Add a form to the national catalogue or a province's own, with its first version",
    tags,
    access: 'user',
    body: NewAwardForm,
    response: AwardFormRow,
    status: 201,
  }),
  addVersion: defineEndpoint({
    method: 'POST',
    path: '/api/award-catalogue/forms/:id/versions',
    summary: 'Add a dated version of a form (versions are never edited)',
    tags,
    access: 'user',
    params: formParams,
    body: VersionFields,
    response: AwardFormRow,
    status: 201,
  }),
  addBaseSalary: defineEndpoint({
    method: 'POST',
    path: '/api/award-catalogue/base-salaries',
    summary: 'Add a base salary (mức lương cơ sở) from a date',
    tags,
    access: 'user',
    body: NewBaseSalary,
    response: BaseSalaryRow,
    status: 201,
  }),
  setRounding: defineEndpoint({
    method: 'POST',
    path: '/api/award-catalogue/roundings',
    summary: 'Set the rounding rule of award amounts from a date',
    tags,
    access: 'user',
    body: NewRounding,
    response: RoundingRow,
    status: 201,
  }),
};
