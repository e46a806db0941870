import { z } from 'zod';
import { campaignModes, planDocTypes, planKinds, PlanContent } from '../../../shared/campaign';
import { governmentKinds, unitKinds } from '../../../shared/org';
import type { Executor } from '../../platform/db';
import type { PlanRecord } from './campaigns.schemas';
import { documentSymbol, issuingBodyName } from './campaigns.rules';
import { listUnitNames } from './campaigns.queries';

/**
 * What an issued version of a plan says, frozen: every document of that version is generated from
 * this snapshot alone, so a re-download is byte-identical and later edits cannot leak into it.
 */
export const PlanSnapshot = z.object({
  planId: z.number().int(),
  kind: z.enum(planKinds),
  mode: z.enum(campaignModes).nullable(),
  docType: z.enum(planDocTypes),
  documentSymbol: z.string(),
  documentNumber: z.string().nullable(),
  issuedOn: z.string().nullable(),
  place: z.string(),
  title: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  registrationDeadline: z.string().nullable(),
  cascadeDeadline: z.string().nullable(),
  cascadeUnits: z.array(z.object({ id: z.number().int(), name: z.string() })),
  issuingUnit: z.object({ id: z.number().int(), name: z.string(), kind: z.enum(unitKinds) }),
  issuingBody: z.string(),
  parentBody: z.string().nullable(),
  content: PlanContent,
});
export type PlanSnapshot = z.infer<typeof PlanSnapshot>;

/** The body above the issuer in the header: none for a People's Committee, the parent's otherwise. */
function parentBodyOf(plan: PlanRecord): string | null {
  if (governmentKinds.includes(plan.unitKind) || plan.parentUnitName === null) return null;
  return `UBND ${plan.parentUnitName}`.toLocaleUpperCase('vi');
}

export async function planSnapshot(
  db: Executor,
  plan: PlanRecord,
  cascadeUnitIds: number[],
): Promise<PlanSnapshot> {
  const units = cascadeUnitIds.length === 0 ? [] : await listUnitNames(db, cascadeUnitIds);
  return {
    planId: plan.id,
    kind: plan.kind,
    mode: plan.mode,
    docType: plan.docType,
    documentSymbol: documentSymbol(plan.docType, plan.issuerSymbol),
    documentNumber: plan.documentNumber,
    issuedOn: plan.issuedOn,
    place: plan.place,
    title: plan.title,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    registrationDeadline: plan.registrationDeadline,
    cascadeDeadline: plan.cascadeDeadline,
    cascadeUnits: units.map((u) => ({ id: u.id, name: u.name })),
    issuingUnit: { id: plan.issuingUnitId, name: plan.unitName, kind: plan.unitKind },
    issuingBody: issuingBodyName(plan.unitKind, plan.unitName),
    parentBody: parentBodyOf(plan),
    content: plan.content,
  };
}
