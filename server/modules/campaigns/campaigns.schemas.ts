import {
  campaignModes,
  planDocTypes,
  planKinds,
  planStatuses,
  PlanContentInput,
  type PlanContent as PlanContentT,
  type CampaignMode,
  type PlanDocType,
  type PlanKind,
  type PlanStatus,
} from '../../../shared/campaign';
import { id, isoDate, page, pageSize, text, z } from '../../platform/validation';

export { planFieldLabels as planLabels } from '../../../shared/campaign';

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

export const CreatePlan = z
  .object({
    issuingUnitId: id,
    parentPlanId: id.nullish().transform((v) => v ?? null),
    ...draftFields,
    mode: draftFields.mode.default(null),
    docType: draftFields.docType.default('KH'),
    issuerSymbol: issuerSymbol.default('UBND'),
    cascadeUnitIds: draftFields.cascadeUnitIds.default([]),
    content: PlanContentInput.default(() => PlanContentInput.parse({})),
  })
  .refine(periodOrdered, periodMessage);
export type CreatePlan = z.infer<typeof CreatePlan>;

export const UpdateDraft = z
  .object({ version: z.number().int().positive(), ...draftFields })
  .partial()
  .required({ version: true })
  .refine(periodOrdered, periodMessage);
export type UpdateDraft = z.infer<typeof UpdateDraft>;

/** Unsaved editor values for a preview: any draft field, nothing required. */
export const DraftEdits = z.object(draftFields).partial().refine(periodOrdered, periodMessage);

export const AmendPlan = z
  .object({ version: z.number().int().positive(), reason: text(1000), ...draftFields })
  .partial()
  .required({ version: true, reason: true })
  .refine(periodOrdered, periodMessage);
export type AmendPlan = z.infer<typeof AmendPlan>;

export const IssuePlan = z.object({
  version: z.number().int().positive(),
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

export const CancelPlan = z.object({ version: z.number().int().positive(), reason: text(1000) });
export const ClosePlan = z.object({ version: z.number().int().positive() });

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

/** The unit filter's picker: units that issued plans, found by name (or one by id, for its label). */
export const IssuingUnitsQuery = z.object({
  search: z.string().trim().max(100).optional(),
  id: id.optional(),
});

export type PlanRecord = {
  id: number;
  issuingUnitId: number;
  unitPath: string;
  unitName: string;
  unitKind: import('../../../shared/org').UnitKind;
  parentUnitName: string | null;
  provinceId: number | null;
  kind: PlanKind;
  mode: CampaignMode | null;
  status: PlanStatus;
  docType: PlanDocType;
  issuerSymbol: string;
  number: number | null;
  numberYear: number | null;
  documentNumber: string | null;
  issuedOn: string | null;
  issuedAt: Date | null;
  place: string;
  title: string;
  periodStart: string | null;
  periodEnd: string | null;
  registrationDeadline: string | null;
  parentPlanId: number | null;
  cascadeDeadline: string | null;
  content: PlanContentT;
  version: number;
  documentVersion: number;
  cancelledReason: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export function toPlanSummary(p: PlanRecord) {
  return {
    id: p.id,
    kind: p.kind,
    mode: p.mode,
    status: p.status,
    documentNumber: p.documentNumber,
    documentSymbol: `${p.docType}-${p.issuerSymbol}`,
    issuedOn: p.issuedOn,
    title: p.title,
    place: p.place,
    issuingUnit: { id: p.issuingUnitId, name: p.unitName, kind: p.unitKind },
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    registrationDeadline: p.registrationDeadline,
    parentPlanId: p.parentPlanId,
    documentVersion: p.documentVersion,
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function toPlanResponse(p: PlanRecord) {
  return {
    ...toPlanSummary(p),
    docType: p.docType,
    issuerSymbol: p.issuerSymbol,
    cascadeDeadline: p.cascadeDeadline,
    content: p.content,
    version: p.version,
    cancelledReason: p.cancelledReason,
  };
}
