import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { Id, Page } from '../../api/types';
import type { PersonCategory, UnitKind } from '../../../shared/org';
import type { PlanStatus } from '../../../shared/campaign';
import type {
  BulkReviewInput,
  BulkReviewResult,
  Commitments,
  RegistrationKind,
  RegistrationStatus,
} from '../../../shared/registration';

/** A registration as the server returns it (toRegistrationResponse). */
export type Registration = {
  id: number;
  planId: number;
  kind: RegistrationKind;
  status: RegistrationStatus;
  unit: { id: number; name: string; kind: UnitKind };
  person: {
    id: number;
    fullName: string;
    position: string | null;
    category: PersonCategory | null;
  } | null;
  commitments: Commitments;
  submittedAt: string;
  submittedByName: string | null;
  late: boolean;
  lateReason: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
  returnReason: string | null;
  version: number;
  updatedAt: string;
  /** What the actor may do with it, as decided by the server (list responses). */
  permissions?: RegistrationPermissions;
};

export type RegistrationPermissions = {
  canEdit: boolean;
  canResubmit: boolean;
  canWithdraw: boolean;
  canApprove: boolean;
  canReturn: boolean;
};

/** GET /api/registrations/:id: the registration, its plan and what the actor may do now. */
export type RegistrationDetail = Registration & {
  plan: {
    id: number;
    documentNumber: string | null;
    title: string;
    status: PlanStatus;
    registrationDeadline: string | null;
  };
  permissions: RegistrationPermissions;
};

export type ProgressRow = {
  unitId: number;
  unitName: string;
  unitKind: UnitKind;
  parentName: string | null;
  registrationId: number | null;
  status: RegistrationStatus | null;
  late: boolean | null;
  peopleRegistered: number;
  peopleEligible: number;
  /** The user may register this unit (registration.submit over it): the server's decision. */
  canRegister: boolean;
};

export type RegistrationProgress = Page<ProgressRow> & {
  unitsEligible: number;
  unitsRegistered: number;
  peopleEligible: number;
  peopleRegistered: number;
};

export type RegistrationsFilter = {
  status?: RegistrationStatus;
  kind?: RegistrationKind;
  unitId?: Id;
  search?: string;
  page: number;
  pageSize: number;
};

export type ProgressFilter = { search?: string; page: number; pageSize: number };

/** What the registrant commits to, as sent (the server trims and drops nothing else). */
export type CommitmentsInput = {
  targetTitle: string | null;
  targets: string[];
  keyTasks: string[];
  breakthroughTasks: string[];
};

export type CreateRegistrationInput = {
  kind: RegistrationKind;
  unitId?: Id;
  personId?: Id;
  commitments: CommitmentsInput;
  lateReason?: string | null;
};

export type BulkRegistrationInput = {
  unitId: Id;
  personIds: Id[];
  commitments: CommitmentsInput;
  lateReason?: string | null;
};

export const registrationKeys = {
  all: ['registrations'] as const,
  plan: (planId: Id) => ['registrations', 'plan', String(planId)] as const,
  list: (planId: Id, filter: Omit<RegistrationsFilter, 'unitId'> & { unitId?: string }) =>
    ['registrations', 'plan', String(planId), 'list', filter] as const,
  progress: (planId: Id, filter: ProgressFilter) =>
    ['registrations', 'plan', String(planId), 'progress', filter] as const,
  detail: (id: Id) => ['registrations', 'detail', String(id)] as const,
};

const planPath = (planId: Id, rest = '') =>
  `/api/plans/${encodeURIComponent(String(planId))}/registrations${rest}`;
const registrationPath = (id: Id, rest = '') =>
  `/api/registrations/${encodeURIComponent(String(id))}${rest}`;

/** The registration form (bản đăng ký thi đua) as .docx. */
export function registrationFormUrl(id: Id): string {
  return registrationPath(id, '/form.docx');
}

/** The plan's registration list (same filters, no paging) as .xlsx. */
export function registrationsExportUrl(
  planId: Id,
  filter: Omit<RegistrationsFilter, 'page' | 'pageSize'>,
): string {
  return withQuery(`/api/plans/${encodeURIComponent(String(planId))}/registrations.xlsx`, {
    status: filter.status,
    kind: filter.kind,
    unitId: filter.unitId === undefined ? undefined : String(filter.unitId),
    search: filter.search,
  });
}

export function useRegistrations(planId: Id, filter: RegistrationsFilter, enabled = true) {
  const key = {
    ...filter,
    unitId: filter.unitId === undefined ? undefined : String(filter.unitId),
  };
  return useQuery({
    queryKey: registrationKeys.list(planId, key),
    queryFn: () => api.get<Page<Registration>>(planPath(planId), key),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRegistrationProgress(planId: Id, filter: ProgressFilter, enabled = true) {
  return useQuery({
    queryKey: registrationKeys.progress(planId, filter),
    queryFn: () => api.get<RegistrationProgress>(planPath(planId, '/progress'), filter),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRegistrationDetail(id: Id | null) {
  return useQuery({
    queryKey: registrationKeys.detail(id ?? ''),
    queryFn: () => api.get<RegistrationDetail>(registrationPath(id ?? '')),
    enabled: id !== null,
  });
}

/** After any registration change: lists, progress, details and audit views may be stale. */
function useInvalidateRegistrations() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: registrationKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
}

export function useRegister(planId: Id) {
  const invalidate = useInvalidateRegistrations();
  return useMutation({
    mutationFn: (body: CreateRegistrationInput) => api.post<Registration>(planPath(planId), body),
    onSuccess: invalidate,
  });
}

export function useRegisterStaff(planId: Id) {
  const invalidate = useInvalidateRegistrations();
  return useMutation({
    mutationFn: (body: BulkRegistrationInput) =>
      api.post<{ items: Registration[]; count: number }>(planPath(planId, '/bulk'), body),
    onSuccess: invalidate,
  });
}

export function useUpdateRegistration() {
  const invalidate = useInvalidateRegistrations();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: Id; version: number; commitments: CommitmentsInput }) =>
      api.patch<Registration>(registrationPath(id), body),
    onSettled: invalidate,
  });
}

export function useResubmitRegistration() {
  const invalidate = useInvalidateRegistrations();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: Id; version: number; commitments?: CommitmentsInput }) =>
      api.post<Registration>(registrationPath(id, '/resubmit'), body),
    onSettled: invalidate,
  });
}

export type Decision = 'approve' | 'withdraw';

export function useDecideRegistration() {
  const invalidate = useInvalidateRegistrations();
  return useMutation({
    mutationFn: ({ id, action, version }: { id: Id; action: Decision; version: number }) =>
      api.post<Registration>(registrationPath(id, `/${action}`), { version }),
    onSettled: invalidate,
  });
}

export function useReturnRegistration() {
  const invalidate = useInvalidateRegistrations();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: Id; version: number; reason: string }) =>
      api.post<Registration>(registrationPath(id, '/return'), body),
    onSettled: invalidate,
  });
}

/** Approves or returns (one reason) many submitted registrations of a plan, all or nothing. */
export function useBulkReview(planId: Id) {
  const invalidate = useInvalidateRegistrations();
  return useMutation({
    mutationFn: (body: BulkReviewInput) =>
      api.post<BulkReviewResult>(planPath(planId, '/review'), body),
    onSettled: invalidate,
  });
}

/**
 * Every registration of the plan awaiting review that the filters match (up to `max`), read page
 * by page: what "select all pending" selects, with the versions the review will check.
 */
export async function fetchPendingRegistrations(
  planId: Id,
  filter: Pick<RegistrationsFilter, 'kind' | 'search'>,
  max: number,
): Promise<{ items: Registration[]; total: number }> {
  const items: Registration[] = [];
  let total = 0;
  for (let page = 1; items.length < max; page++) {
    const res = await api.get<Page<Registration>>(planPath(planId), {
      ...filter,
      status: 'submitted',
      page,
      pageSize: 200,
    });
    total = res.total;
    items.push(...res.items);
    if (res.items.length === 0 || items.length >= total) break;
  }
  return { items: items.slice(0, max), total };
}
