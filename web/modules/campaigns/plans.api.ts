import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Id } from '../../api/types';
import { callEndpoint, endpointUrl } from '../../api/endpoint';
import type { BodyOf } from '../../../shared/api/endpoint';
import type { CarriedSection, PlanKind, PlanStatus } from '../../../shared/campaign';
import {
  planEndpoints as e,
  type CreatePlanInput,
  type PlanDetail,
} from '../../../shared/api/campaigns';

// The request and response types are the contract's (shared/api/campaigns.ts).
export type {
  CarriedSectionReview,
  CascadeBoard,
  CascadeState,
  Plan,
  PlanDetail,
  PlanPermissions,
  PlanSummary,
  PlanTree,
  PlanVersion,
} from '../../../shared/api/campaigns';
export type { IssueOutlook } from '../../../shared/campaign';

/** The editable fields of a plan as the editor sends them (POST /api/plans adds the unit). */
export type PlanInput = Required<
  Omit<CreatePlanInput, 'issuingUnitId' | 'parentPlanId' | 'importReview'>
>;

export type PlansFilter = {
  search?: string;
  status?: PlanStatus;
  kind?: PlanKind;
  unitId?: string;
  year?: number;
  page: number;
  pageSize: number;
};

export const planKeys = {
  all: ['plans'] as const,
  list: (filter: PlansFilter | Record<string, unknown>) => ['plans', 'list', filter] as const,
  detail: (id: Id) => ['plans', 'detail', String(id)] as const,
};

/** Where the .docx / .pdf of a plan downloads from (a version of an issued plan, or the draft). */
export function planDocumentUrl(id: Id, format: 'docx' | 'pdf', version?: number): string {
  return endpointUrl(format === 'docx' ? e.documentDocx : e.documentPdf, {
    params: { id },
    query: { version },
  });
}

/** The plan's change log (GET /api/plans/:id/history), for the history tab. */
export function planHistoryUrl(id: Id): string {
  return endpointUrl(e.history, { params: { id } });
}

export function usePlans(filter: PlansFilter, enabled = true) {
  return useQuery({
    queryKey: planKeys.list(filter),
    queryFn: () => callEndpoint(e.list, { query: filter }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: planKeys.detail(id ?? ''),
    queryFn: () => callEndpoint(e.detail, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

export function usePlanVersions(id: Id) {
  return useQuery({
    queryKey: [...planKeys.detail(id), 'versions'],
    queryFn: () => callEndpoint(e.versions, { params: { id } }),
  });
}

export function usePlanCascade(id: Id) {
  return useQuery({
    queryKey: [...planKeys.detail(id), 'cascade'],
    queryFn: () => callEndpoint(e.cascade, { params: { id } }),
  });
}

export function usePlanTree(id: Id) {
  return useQuery({
    queryKey: [...planKeys.detail(id), 'tree'],
    queryFn: () => callEndpoint(e.tree, { params: { id } }),
  });
}

/** Renders the official layout of the saved plan with unsaved edits applied (writes nothing). */
export function usePlanPreview(id: Id) {
  return useMutation({
    mutationFn: (edits: BodyOf<typeof e.preview>) =>
      callEndpoint(e.preview, { params: { id }, body: edits }),
  });
}

/** After any plan change: plans (lists, details, boards) and audit views may be stale. */
function useInvalidatePlans() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: planKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
}

export function useCreatePlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (body: CreatePlanInput) => callEndpoint(e.create, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdatePlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, ...body }: BodyOf<typeof e.update> & { id: Id }) =>
      callEndpoint(e.update, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useAmendPlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, ...body }: BodyOf<typeof e.amend> & { id: Id }) =>
      callEndpoint(e.amend, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useIssuePlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, ...body }: BodyOf<typeof e.issue> & { id: Id }) =>
      callEndpoint(e.issue, { params: { id }, body }),
    onSettled: invalidate,
  });
}

export function useCancelPlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, ...body }: BodyOf<typeof e.cancel> & { id: Id }) =>
      callEndpoint(e.cancel, { params: { id }, body }),
    onSettled: invalidate,
  });
}

export function useClosePlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, ...body }: BodyOf<typeof e.close> & { id: Id }) =>
      callEndpoint(e.close, { params: { id }, body }),
    onSettled: invalidate,
  });
}

/** The officer keeps doubtful imported values of a draft as they are (decision 017). */
export function useConfirmDoubts(plan: { id: Id; version: number }) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (keys: string[]) =>
      callEndpoint(e.confirmDoubts, {
        params: { id: plan.id },
        body: { version: plan.version, keys },
      }),
    onSuccess: invalidate,
  });
}

/** Starts a lower unit's plan from an issued parent (pre-filled by the server). */
export function useStartChildPlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ parentId, unitId }: { parentId: Id; unitId: Id }) =>
      callEndpoint(e.startChild, { params: { id: parentId }, body: { unitId } }),
    onSuccess: invalidate,
  });
}

/** Marks a carried-over section of a draft reviewed (the draft's version does not change). */
export function useReviewCarriedSection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, section }: { id: Id; section: CarriedSection }) =>
      callEndpoint(e.reviewCarriedSection, { params: { id, section } }),
    onSuccess: (data, { id }) => {
      queryClient.setQueryData<PlanDetail>(planKeys.detail(id), (old) =>
        old ? { ...old, carriedSections: data.items } : old,
      );
      return queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
