import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { callEndpoint, endpointUrl } from '../../api/endpoint';
import type { PlanKind } from '../../../shared/campaign';
import { publicPlanEndpoints as e } from '../../../shared/api/campaigns';

/** Issued plans as published to everyone (GET /api/public/plans…, no login). */

// The response types are the contract's (shared/api/campaigns.ts): the portal's list items are
// the plans list's summaries.
export type { PlanSummary as PublicPlanSummary, PublicPlan } from '../../../shared/api/campaigns';

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
    queryFn: () => callEndpoint(e.list, { query: filter, ...noLoginRedirect }),
    placeholderData: keepPreviousData,
  });
}

export function usePublicPlan(id: string | undefined) {
  return useQuery({
    queryKey: ['public-plans', 'detail', id],
    queryFn: () => callEndpoint(e.detail, { params: { id: id ?? '' }, ...noLoginRedirect }),
    enabled: Boolean(id),
  });
}

/** Download links of the published document. */
export function publicDocumentUrl(id: number | string, format: 'docx' | 'pdf'): string {
  return endpointUrl(format === 'docx' ? e.documentDocx : e.documentPdf, { params: { id } });
}
