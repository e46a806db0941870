import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { callEndpoint, endpointUrl } from '../../api/endpoint';
import type { Id } from '../../api/types';
import type { CriteriaTree } from '../../../shared/criteria';
import { fillPath, type ResponseOf } from '../../../shared/api/endpoint';
import {
  criteriaEndpoints as e,
  type BindCriteriaInput,
  type CreateCriteriaSetInput,
  type CriteriaVersion,
} from '../../../shared/api/criteria';
import { planKeys } from '../campaigns/plans.api';

/** Criteria sets (bộ tiêu chí): server/modules/evaluation (toCriteriaVersionResponse). */

// The request and response types are the contract's (shared/api/criteria.ts).
export type {
  CreateCriteriaSetInput as CreateCriteriaInput,
  CriteriaSetRef,
  CriteriaStatus,
  CriteriaVersion,
  CriteriaVersionSummary,
  PlanEvaluation,
} from '../../../shared/api/criteria';

export type CriteriaFilter = { search?: string; page: number; pageSize: number };

export const criteriaKeys = {
  all: ['criteria'] as const,
  list: (filter: CriteriaFilter) => ['criteria', 'list', filter] as const,
  detail: (id: Id) => ['criteria', 'detail', String(id)] as const,
};

/** Where a version's .xlsx downloads from (also the import format). */
export function criteriaExportUrl(id: Id): string {
  return endpointUrl(e.export, { params: { id } });
}

export function useCriteriaVersions(filter: CriteriaFilter, enabled = true) {
  return useQuery({
    queryKey: criteriaKeys.list(filter),
    queryFn: () => callEndpoint(e.list, { query: filter }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCriteriaVersion(id: Id | null | undefined) {
  return useQuery({
    queryKey: criteriaKeys.detail(id ?? ''),
    queryFn: () => callEndpoint(e.get, { params: { id: id ?? '' } }),
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
    mutationFn: (body: CreateCriteriaSetInput) => callEndpoint(e.create, { body }),
    onSuccess: (v) => invalidate(v),
  });
}

/** Replaces a draft's whole tree (CONFLICT when `version` is stale). */
export function useSaveCriteriaTree() {
  const invalidate = useInvalidateCriteria();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: Id; version: number; tree: CriteriaTree }) =>
      callEndpoint(e.update, { params: { id }, body }),
    onSuccess: (v) => invalidate(v),
  });
}

export function usePublishCriteria() {
  const invalidate = useInvalidateCriteria();
  return useMutation({
    mutationFn: ({ id, version }: { id: Id; version: number }) =>
      callEndpoint(e.publish, { params: { id }, body: { version } }),
    onSuccess: (v) => invalidate(v),
  });
}

/** The next version of a set, starting as a draft copy of `basedOnVersionId`. */
export function useNewCriteriaVersion() {
  const invalidate = useInvalidateCriteria();
  return useMutation({
    mutationFn: ({ setId, basedOnVersionId }: { setId: Id; basedOnVersionId: Id }) =>
      callEndpoint(e.newVersion, { params: { id: setId }, body: { basedOnVersionId } }),
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
      return api.upload<ResponseOf<typeof e.import>>(fillPath(e.import.path, { id }), form);
    },
    onSuccess: (v) => invalidate(v),
  });
}

/** Binds a published version (or none) and bands (null = defaults) to a plan. */
export function useBindPlanEvaluation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, ...body }: { planId: Id } & BindCriteriaInput) =>
      callEndpoint(e.bindPlan, { params: { id: planId }, body }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: planKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}
