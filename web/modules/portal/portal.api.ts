import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  CampaignMode,
  PlanContent,
  PlanDocType,
  PlanKind,
  PlanStatus,
} from '../../../shared/campaign';
import type { UnitKind } from '../../../shared/org';

/** Issued plans as published to everyone (GET /api/public/plans…, no login). */

export type PublicPlanSummary = {
  id: number;
  kind: PlanKind;
  mode: CampaignMode | null;
  status: PlanStatus;
  documentNumber: string | null;
  /** "KH-UBND". */
  documentSymbol: string;
  issuedOn: string | null;
  title: string;
  place: string;
  issuingUnit: { id: number; name: string; kind: UnitKind };
  periodStart: string | null;
  periodEnd: string | null;
  registrationDeadline: string | null;
  parentPlanId: number | null;
  documentVersion: number;
  updatedAt: string;
};

export type PublicPlan = PublicPlanSummary & {
  docType: PlanDocType;
  issuerSymbol: string;
  cascadeDeadline: string | null;
  content: PlanContent;
  /** The ranking is public: only then is it asked for (its endpoint answers 404 before). */
  resultsPublished: boolean;
};

export type PublicPlanFilter = {
  search?: string;
  kind?: PlanKind;
  year?: number;
  /** Issuing unit id; the list keeps that unit's plans and its subtree's. */
  unitId?: string;
  page: number;
  pageSize: number;
};

const noLoginRedirect = { redirectOn401: false } as const;

export function usePublicPlans(filter: PublicPlanFilter) {
  return useQuery({
    queryKey: ['public-plans', 'list', filter],
    queryFn: () =>
      api.get<{ items: PublicPlanSummary[]; total: number }>(
        '/api/public/plans',
        filter,
        noLoginRedirect,
      ),
    placeholderData: keepPreviousData,
  });
}

export function usePublicPlan(id: string | undefined) {
  return useQuery({
    queryKey: ['public-plans', 'detail', id],
    queryFn: () =>
      api.get<PublicPlan>(
        `/api/public/plans/${encodeURIComponent(id ?? '')}`,
        undefined,
        noLoginRedirect,
      ),
    enabled: Boolean(id),
  });
}

/** Download links of the published document. */
export function publicDocumentUrl(id: number | string, format: 'docx' | 'pdf'): string {
  return `/api/public/plans/${encodeURIComponent(String(id))}/document.${format}`;
}
