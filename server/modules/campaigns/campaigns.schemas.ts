import type {
  PlanContent as PlanContentT,
  CampaignMode,
  PlanDocType,
  PlanKind,
  PlanStatus,
} from '../../../shared/campaign';
import type { Band, TieBreakStep } from '../../../shared/criteria';
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
  /** The bound criteria version (published) and classification bands (null = the defaults). */
  criteriaVersionId: number | null;
  bands: Band[] | null;
  /** Tie-break steps after the percentage, in order (null = the default order). */
  tieBreak: TieBreakStep[] | null;
  /** Band keys whose units qualify for commendation (null = the top band). */
  qualifyingBandKeys: string[] | null;
  assessmentDeadline: string | null;
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

/** A plan as the API returns it (shared/api/campaigns.ts's `Plan`). */
export function toPlanResponse(p: PlanRecord): Plan {
  return {
    ...toPlanSummary(p),
    docType: p.docType,
    issuerSymbol: p.issuerSymbol,
    cascadeDeadline: p.cascadeDeadline,
    content: p.content,
    version: p.version,
    cancelledReason: p.cancelledReason,
    assessmentDeadline: p.assessmentDeadline,
    criteriaVersionId: p.criteriaVersionId,
    bands: p.bands,
    tieBreak: p.tieBreak,
    qualifyingBandKeys: p.qualifyingBandKeys,
  };
}
