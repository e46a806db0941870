import {
  keepPreviousData,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id } from '../../api/types';
import type { Band } from '../../../shared/criteria';
import type { SheetStatus } from './sheet.api';

/** A campaign's results: server/modules/evaluation/results.service.ts. */

export type ResultsStatus = 'none' | 'computed' | 'published';

/** Why a unit ranks below the one before it (ranking.rules.ts); null for the first. */
export type DecidedBy =
  'percent' | 'appraised' | 'fields' | 'missing' | 'submittedAt' | 'tied' | null;

export type ResultItem = {
  unitId: number;
  unitName: string;
  sheetId: number;
  total: number;
  percent: number;
  bandKey: string;
  bandLabel: string;
  rank: number;
  decidedBy: DecidedBy;
  missingCount: number;
  /** Ancestors below the issuing unit, top first (e.g. the commune of a one-stop unit). */
  unitPath?: string[];
  /** Whether the unit's band qualifies it for commendation under the plan. */
  qualifies?: boolean;
  /** The unit's sheet's step now (internal view only; absent on the public ranking). */
  sheetStatus?: SheetStatus;
};

/** Ranked units whose sheet is not final: still being appraised, or back with the unit. */
export type ResultsPending = { notAppraised: number; returned: number };

/** Sheet steps ranked before the appraisal closed (on the self or round-1 scores). */
export const notAppraisedStatuses: readonly SheetStatus[] = [
  'submitted',
  'explaining',
  'explained',
];

export type ResultsPage = {
  status: ResultsStatus;
  computedAt: string | null;
  publishedAt: string | null;
  bands: Band[];
  /** Over the whole results (internal view only). */
  pending?: ResultsPending;
  /** What the actor's role allows (internal view only); the results' status decides the rest. */
  permissions?: { canCompute: boolean; canPublish: boolean; canReopen: boolean };
  items: ResultItem[];
  total: number;
};

export type ResultsFilter = { bandKey?: string; page: number; pageSize: number };

/** `details.reason` of the 409 refusing to publish results made stale by later changes. */
export const STALE_RESULTS = 'stale_results';

export type ComputeOutcome = { units: number; counts: Record<string, number>; ms: number };

/** `public`: the portal's unauthenticated endpoint (404 until published). */
export type ResultsScope = 'internal' | 'public';

const noLoginRedirect = { redirectOn401: false } as const;

function resultsUrl(planId: Id, scope: ResultsScope): string {
  const id = encodeURIComponent(String(planId));
  return scope === 'public' ? `/api/public/plans/${id}/results` : `/api/plans/${id}/results`;
}

export const resultsKeys = {
  all: (planId: Id, scope: ResultsScope) => ['plan-results', scope, String(planId)] as const,
  page: (planId: Id, scope: ResultsScope, filter: ResultsFilter) =>
    [...resultsKeys.all(planId, scope), 'page', filter] as const,
  count: (planId: Id, scope: ResultsScope, bandKey: string) =>
    [...resultsKeys.all(planId, scope), 'count', bandKey] as const,
};

function fetchResults(planId: Id, scope: ResultsScope, filter: ResultsFilter) {
  return api.get<ResultsPage>(
    resultsUrl(planId, scope),
    filter,
    scope === 'public' ? noLoginRedirect : undefined,
  );
}

export function useResults(planId: Id, scope: ResultsScope, filter: ResultsFilter) {
  return useQuery({
    queryKey: resultsKeys.page(planId, scope, filter),
    queryFn: () => fetchResults(planId, scope, filter),
    placeholderData: keepPreviousData,
    // A missing public ranking is an answer ("not published"), not something to retry.
    retry: scope === 'public' ? false : undefined,
  });
}

/** Units per band: the total of a one-row page filtered by each band (the list is paged). */
export function useBandCounts(planId: Id, scope: ResultsScope, bands: readonly Band[] | undefined) {
  return useQueries({
    queries: (bands ?? []).map((b) => ({
      queryKey: resultsKeys.count(planId, scope, b.key),
      queryFn: () => fetchResults(planId, scope, { bandKey: b.key, page: 1, pageSize: 1 }),
      select: (r: ResultsPage) => r.total,
      retry: scope === 'public' ? false : undefined,
    })),
    combine: (results) => ({
      counts: results.map((r) => r.data),
      pending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
    }),
  });
}

function useResultsMutation<TBody, TOut>(planId: Id, action: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) =>
      api.post<TOut>(`${resultsUrl(planId, 'internal')}/${action}`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: ['plan-results'] }),
  });
}

export const useComputeResults = (planId: Id) =>
  useResultsMutation<void, ComputeOutcome>(planId, 'compute');

export const usePublishResults = (planId: Id) =>
  useResultsMutation<void, { status: ResultsStatus }>(planId, 'publish');

export const useReopenResults = (planId: Id) =>
  useResultsMutation<{ reason: string }, { status: ResultsStatus }>(planId, 'reopen');
