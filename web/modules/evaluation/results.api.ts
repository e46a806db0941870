import {
  keepPreviousData,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { callEndpoint } from '../../api/endpoint';
import type { Id } from '../../api/types';
import type { Band } from '../../../shared/criteria';
import { resultsEndpoints as e, type ResultsPage } from '../../../shared/api/results';

/** A campaign's results: server/modules/evaluation/results.service.ts. */

// The response types and the shared constants are the contract's (shared/api/results.ts).
export {
  STALE_RESULTS,
  notAppraisedStatuses,
  type ComputeOutcome,
  type DecidedBy,
  type ResultItem,
  type ResultsPage,
  type ResultsPending,
  type ResultsStatus,
} from '../../../shared/api/results';

export type ResultsFilter = { bandKey?: string; page: number; pageSize: number };

/** `public`: the portal's unauthenticated endpoint (404 until published). */
export type ResultsScope = 'internal' | 'public';

export const resultsKeys = {
  all: (planId: Id, scope: ResultsScope) => ['plan-results', scope, String(planId)] as const,
  page: (planId: Id, scope: ResultsScope, filter: ResultsFilter) =>
    [...resultsKeys.all(planId, scope), 'page', filter] as const,
  count: (planId: Id, scope: ResultsScope, bandKey: string) =>
    [...resultsKeys.all(planId, scope), 'count', bandKey] as const,
};

function fetchResults(planId: Id, scope: ResultsScope, filter: ResultsFilter) {
  const params = { id: planId };
  return scope === 'public'
    ? callEndpoint(e.publicList, { params, query: filter, redirectOn401: false })
    : callEndpoint(e.list, { params, query: filter });
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

function useInvalidateResults() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['plan-results'] });
}

export function useComputeResults(planId: Id) {
  const invalidate = useInvalidateResults();
  return useMutation({
    mutationFn: () => callEndpoint(e.compute, { params: { id: planId } }),
    onSettled: invalidate,
  });
}

export function usePublishResults(planId: Id) {
  const invalidate = useInvalidateResults();
  return useMutation({
    mutationFn: () => callEndpoint(e.publish, { params: { id: planId } }),
    onSettled: invalidate,
  });
}

export function useReopenResults(planId: Id) {
  const invalidate = useInvalidateResults();
  return useMutation({
    mutationFn: (body: { reason: string }) =>
      callEndpoint(e.reopen, { params: { id: planId }, body }),
    onSettled: invalidate,
  });
}
