import type {
  PlanContent as PlanContentT,
  CampaignMode,
  PlanDocType,
  PlanKind,
  PlanStatus,
} from '../../../shared/campaign';
import type { Plan, PlanSummary } from '../../../shared/api/campaigns';

export { planFieldLabels as planLabels } from '../../../shared/campaign';

// The request and response schemas are in shared/api/campaigns.ts (decision 027).

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

/** A plan in lists (shared/api/campaigns.ts's `PlanSummary`). */
export function toPlanSummary(p: PlanRecord): PlanSummary {
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

/** The fields of `Plan` that evaluation contributes (PlanContributions, wired in app.ts). */
type EvaluationFields =
  'assessmentDeadline' | 'criteriaVersionId' | 'bands' | 'tieBreak' | 'qualifyingBandKeys';

/** A plan as campaigns knows it: shared/api/campaigns.ts's `Plan` without evaluation's fields. */
export function toPlanResponse(p: PlanRecord): Omit<Plan, EvaluationFields> {
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
