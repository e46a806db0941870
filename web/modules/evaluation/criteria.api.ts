import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id, Page } from '../../api/types';
import type { Band, CriteriaTree, TieBreakStep } from '../../../shared/criteria';
import { planKeys } from '../campaigns/plans.api';

/** Criteria sets (bộ tiêu chí): server/modules/evaluation (toCriteriaVersionResponse). */

export type CriteriaStatus = 'draft' | 'published';

export type CriteriaSetRef = {
  id: number;
  name: string;
  description: string | null;
  /** The shipped illustrative template: no owner, read-only, to be copied. */
  isExample: boolean;
  ownerUnit: { id: number; name: string | null } | null;
};

/** A version as listed (GET /api/criteria items: no tree). */
export type CriteriaVersionSummary = {
  id: number;
  set: CriteriaSetRef;
  number: number;
  status: CriteriaStatus;
  leafCount: number;
  maxTotal: number;
  basedOnId: number | null;
  version: number;
  publishedAt: string | null;
  updatedAt: string;
};

export type CriteriaVersion = CriteriaVersionSummary & {
  tree: CriteriaTree;
  permissions: { canEdit: boolean; canCopy: boolean };
};

export type CriteriaFilter = { search?: string; page: number; pageSize: number };

export type CreateCriteriaInput = {
  ownerUnitId: Id;
  name: string;
  description?: string;
  tree?: CriteriaTree;
  basedOnVersionId?: Id;
};

/** What PUT /api/plans/:id/evaluation answers. */
export type PlanEvaluation = {
  planId: number;
  criteriaVersionId: number | null;
  bands: Band[] | null;
  tieBreak: TieBreakStep[] | null;
  qualifyingBandKeys: string[] | null;
  version: number;
};

export const criteriaKeys = {
  all: ['criteria'] as const,
  list: (filter: CriteriaFilter) => ['criteria', 'list', filter] as const,
  detail: (id: Id) => ['criteria', 'detail', String(id)] as const,
};

const versionPath = (id: Id, rest = '') =>
  `/api/criteria/versions/${encodeURIComponent(String(id))}${rest}`;

/** Where a version's .xlsx downloads from (also the import format). */
export function criteriaExportUrl(id: Id): string {
  return versionPath(id, '/export.xlsx');
}

export function useCriteriaVersions(filter: CriteriaFilter, enabled = true) {
  return useQuery({
    queryKey: criteriaKeys.list(filter),
    queryFn: () => api.get<Page<CriteriaVersionSummary>>('/api/criteria', filter),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCriteriaVersion(id: Id | null | undefined) {
  return useQuery({
    queryKey: criteriaKeys.detail(id ?? ''),
    queryFn: () => api.get<CriteriaVersion>(versionPath(id ?? '')),
    enabled: id !== null && id !== undefined && id !== '',
  });
}

/** After any change: lists, the version itself and audit views may be stale. */
function useInvalidateCriteria() {
  const queryClient = useQueryClient();
  return (v?: CriteriaVersion) => {
    if (v) queryClient.setQueryData(criteriaKeys.detail(v.id), v);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: [...criteriaKeys.all, 'list'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  };
}

export function useCreateCriteriaSet() {
  const invalidate = useInvalidateCriteria();
  return useMutation({
    mutationFn: (body: CreateCriteriaInput) => api.post<CriteriaVersion>('/api/criteria', body),
    onSuccess: (v) => invalidate(v),
  });
}

/** Replaces a draft's whole tree (CONFLICT when `version` is stale). */
export function useSaveCriteriaTree() {
  const invalidate = useInvalidateCriteria();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: Id; version: number; tree: CriteriaTree }) =>
      api.put<CriteriaVersion>(versionPath(id), body),
    onSuccess: (v) => invalidate(v),
  });
}

export function usePublishCriteria() {
  const invalidate = useInvalidateCriteria();
  return useMutation({
    mutationFn: ({ id, version }: { id: Id; version: number }) =>
      api.post<CriteriaVersion>(versionPath(id, '/publish'), { version }),
    onSuccess: (v) => invalidate(v),
  });
}

/** The next version of a set, starting as a draft copy of `basedOnVersionId`. */
export function useNewCriteriaVersion() {
  const invalidate = useInvalidateCriteria();
  return useMutation({
    mutationFn: ({ setId, basedOnVersionId }: { setId: Id; basedOnVersionId: Id }) =>
      api.post<CriteriaVersion>(
        `/api/criteria/sets/${encodeURIComponent(String(setId))}/versions`,
        { basedOnVersionId },
      ),
    onSuccess: (v) => invalidate(v),
  });
}

/** Replaces a draft's tree from an .xlsx in the export's format (row errors in `details.rows`). */
export function useImportCriteria() {
  const invalidate = useInvalidateCriteria();
  return useMutation({
    mutationFn: ({ id, version, file }: { id: Id; version: number; file: File }) => {
      const form = new FormData();
      form.append('version', String(version));
      form.append('file', file, file.name);
      return api.upload<CriteriaVersion>(versionPath(id, '/import'), form);
    },
    onSuccess: (v) => invalidate(v),
  });
}

/** Binds a published version (or none) and bands (null = defaults) to a plan. */
export function useBindPlanEvaluation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      planId,
      ...body
    }: {
      planId: Id;
      version: number;
      criteriaVersionId: Id | null;
      bands: Band[] | null;
      assessmentDeadline: string | null;
      /** Null = the default order / the top band. */
      tieBreak: TieBreakStep[] | null;
      qualifyingBandKeys: string[] | null;
    }) =>
      api.put<PlanEvaluation>(`/api/plans/${encodeURIComponent(String(planId))}/evaluation`, body),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: planKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}
