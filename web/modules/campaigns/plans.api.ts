import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { Id, Page } from '../../api/types';
import type {
  CarriedSection,
  CampaignMode,
  IssueOutlook,
  PlanContent,
  PlanContentInput,
  PlanDocType,
  PlanKind,
  PlanStatus,
} from '../../../shared/campaign';
import type { UnitKind } from '../../../shared/org';
import type { PlanOutline } from './plan-outline';
import type { DoubtfulValue } from '../../../shared/doubtful-text';

export type { IssueOutlook };

/** GET /api/plans items (toPlanSummary on the server). */
export type PlanSummary = {
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

/** A plan as returned by create, update, issue, amend, cancel and close. */
export type Plan = PlanSummary & {
  docType: PlanDocType;
  issuerSymbol: string;
  cascadeDeadline: string | null;
  content: PlanContent;
  version: number;
  cancelledReason: string | null;
};

export type PlanPermissions = {
  canEdit: boolean;
  canIssue: boolean;
  canAmend: boolean;
  canCancel: boolean;
  canClose: boolean;
  /** The change log stays inside the issuing unit's tree. */
  canViewHistory: boolean;
  /** registration.submit over the issuing unit: registers for every unit of the plan. */
  registersEverywhere: boolean;
  /** registration.review over the issuing unit: approves, returns, accepts late ones. */
  canReviewRegistrations: boolean;
  /** campaign.view over the issuing unit: the evaluation overview ("Tổng quan đánh giá"). */
  canViewDashboard: boolean;
};

/** A section a child plan carried over from its parent, and its review ("Đã xem lại"). */
export type CarriedSectionReview = {
  section: CarriedSection;
  label: string;
  /** The wording was adapted to the unit's level (huyện → xã …). */
  adapted: boolean;
  reviewedAt: string | null;
  reviewedByName: string | null;
};

export type PlanDetail = Plan & {
  /** Imported values still to review before issuing (decision 017). */
  doubts: DoubtfulValue[];
  cascadeUnitIds: number[];
  parent: PlanSummary | null;
  permissions: PlanPermissions;
  issueOutlook: IssueOutlook | null;
  carriedSections: CarriedSectionReview[];
};

export type PlanVersion = {
  version: number;
  reason: string;
  createdAt: string;
  createdByName: string | null;
};

export type CascadeState = 'issued' | 'late' | 'draft' | 'missing';

export type CascadeBoard = {
  deadline: string | null;
  daysLeft: number | null;
  counts: Record<CascadeState, number>;
  units: {
    unit: { id: number; name: string; kind: UnitKind };
    state: CascadeState;
    plan: {
      /** Null when the actor may not open this unit's draft. */
      id: number | null;
      status: PlanStatus;
      documentNumber: string | null;
      issuedOn: string | null;
      linked: boolean;
    } | null;
  }[];
};

export type PlanTree = {
  ancestors: PlanSummary[];
  plan: PlanSummary;
  children: (PlanSummary & { childCount: number })[];
};

/** The editable fields of a plan (POST /api/plans adds issuingUnitId and parentPlanId). */
export type PlanInput = {
  kind: PlanKind;
  mode: CampaignMode | null;
  docType: PlanDocType;
  issuerSymbol: string;
  place: string;
  title: string;
  periodStart: string | null;
  periodEnd: string | null;
  registrationDeadline: string | null;
  cascadeDeadline: string | null;
  cascadeUnitIds: number[];
  content: PlanContentInput;
};

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

const planPath = (id: Id, rest = '') => `/api/plans/${encodeURIComponent(String(id))}${rest}`;

/** Where the .docx / .pdf of a plan downloads from (a version of an issued plan, or the draft). */
export function planDocumentUrl(id: Id, format: 'docx' | 'pdf', version?: number): string {
  return withQuery(planPath(id, `/document.${format}`), { version });
}

export function usePlans(filter: PlansFilter, enabled = true) {
  return useQuery({
    queryKey: planKeys.list(filter),
    queryFn: () => api.get<Page<PlanSummary>>('/api/plans', filter),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: planKeys.detail(id ?? ''),
    queryFn: () => api.get<PlanDetail>(planPath(id ?? '')),
    enabled: Boolean(id),
  });
}

export function usePlanVersions(id: Id) {
  return useQuery({
    queryKey: [...planKeys.detail(id), 'versions'],
    queryFn: () => api.get<{ items: PlanVersion[] }>(planPath(id, '/versions')),
  });
}

export function usePlanCascade(id: Id) {
  return useQuery({
    queryKey: [...planKeys.detail(id), 'cascade'],
    queryFn: () => api.get<CascadeBoard>(planPath(id, '/cascade')),
  });
}

export function usePlanTree(id: Id) {
  return useQuery({
    queryKey: [...planKeys.detail(id), 'tree'],
    queryFn: () => api.get<PlanTree>(planPath(id, '/tree')),
  });
}

/** Renders the official layout of the saved plan with unsaved edits applied (writes nothing). */
export function usePlanPreview(id: Id) {
  return useMutation({
    mutationFn: (edits: Partial<PlanInput>) =>
      api.post<PlanOutline>(planPath(id, '/preview'), edits),
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
    mutationFn: (body: PlanInput & { issuingUnitId: Id; parentPlanId?: Id | null }) =>
      api.post<Plan>('/api/plans', body),
    onSuccess: invalidate,
  });
}

export function useUpdatePlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<PlanInput> & { id: Id; version: number }) =>
      api.patch<Plan>(planPath(id), body),
    onSuccess: invalidate,
  });
}

export function useAmendPlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: Partial<PlanInput> & { id: Id; version: number; reason: string }) =>
      api.post<Plan>(planPath(id, '/amend'), body),
    onSuccess: invalidate,
  });
}

export function useIssuePlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: Id;
      version: number;
      issuedOn?: string;
      acknowledgePastDates?: boolean;
      acknowledgeUnreviewed?: boolean;
    }) => api.post<Plan>(planPath(id, '/issue'), body),
    onSettled: invalidate,
  });
}

export function useCancelPlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: Id; version: number; reason: string }) =>
      api.post<Plan>(planPath(id, '/cancel'), body),
    onSettled: invalidate,
  });
}

export function useClosePlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: Id; version: number }) =>
      api.post<Plan>(planPath(id, '/close'), body),
    onSettled: invalidate,
  });
}

/** Starts a lower unit's plan from an issued parent (pre-filled by the server). */
export function useStartChildPlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ parentId, unitId }: { parentId: Id; unitId: Id }) =>
      api.post<Plan>(planPath(parentId, '/children'), { unitId }),
    onSuccess: invalidate,
  });
}

/** Marks a carried-over section of a draft reviewed (the draft's version does not change). */
export function useReviewCarriedSection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, section }: { id: Id; section: CarriedSection }) =>
      api.post<{ items: CarriedSectionReview[] }>(
        planPath(id, `/carried-sections/${section}/review`),
        {},
      ),
    onSuccess: (data, { id }) => {
      queryClient.setQueryData<PlanDetail>(planKeys.detail(id), (old) =>
        old ? { ...old, carriedSections: data.items } : old,
      );
      return queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
