import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Id } from '../../api/types';
import { callEndpoint, endpointUrl } from '../../api/endpoint';
import type {
  Commitments,
  RegistrationKind,
  RegistrationStatus,
} from '../../../shared/registration';
import {
  registrationEndpoints as e,
  type BulkRegistrationInput,
  type CreateRegistrationInput,
  type RegistrationListItem,
} from '../../../shared/api/registrations';
import type { BodyOf } from '../../../shared/api/endpoint';

// The request and response types are the contract's (shared/api/registrations.ts).
export type {
  BulkRegistrationInput,
  CreateRegistrationInput,
  ProgressRow,
  Registration,
  RegistrationDetail,
  RegistrationListItem,
  RegistrationPermissions,
  RegistrationProgress,
} from '../../../shared/api/registrations';

export type RegistrationsFilter = {
  status?: RegistrationStatus;
  kind?: RegistrationKind;
  unitId?: Id;
  search?: string;
  page: number;
  pageSize: number;
};

export type ProgressFilter = { search?: string; page: number; pageSize: number };

/** What the registrant commits to, as the form holds and sends it. */
export type CommitmentsInput = Commitments;

export const registrationKeys = {
  all: ['registrations'] as const,
  plan: (planId: Id) => ['registrations', 'plan', String(planId)] as const,
  list: (planId: Id, filter: Omit<RegistrationsFilter, 'unitId'> & { unitId?: string }) =>
    ['registrations', 'plan', String(planId), 'list', filter] as const,
  progress: (planId: Id, filter: ProgressFilter) =>
    ['registrations', 'plan', String(planId), 'progress', filter] as const,
  detail: (id: Id) => ['registrations', 'detail', String(id)] as const,
};

/** The registration form (bản đăng ký thi đua) as .docx. */
export function registrationFormUrl(id: Id): string {
  return endpointUrl(e.form, { params: { id } });
}

/** The plan's registration list (same filters, no paging) as .xlsx. */
export function registrationsExportUrl(
  planId: Id,
  filter: Omit<RegistrationsFilter, 'page' | 'pageSize'>,
): string {
  return endpointUrl(e.export, {
    params: { id: planId },
    query: {
      status: filter.status,
      kind: filter.kind,
      unitId: filter.unitId === undefined ? undefined : String(filter.unitId),
      search: filter.search,
    },
  });
}

export function useRegistrations(planId: Id, filter: RegistrationsFilter, enabled = true) {
  const key = {
    ...filter,
    unitId: filter.unitId === undefined ? undefined : String(filter.unitId),
  };
  return useQuery({
    queryKey: registrationKeys.list(planId, key),
    queryFn: () => callEndpoint(e.list, { params: { id: planId }, query: key }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRegistrationProgress(planId: Id, filter: ProgressFilter, enabled = true) {
  return useQuery({
    queryKey: registrationKeys.progress(planId, filter),
    queryFn: () => callEndpoint(e.progress, { params: { id: planId }, query: filter }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRegistrationDetail(id: Id | null) {
  return useQuery({
    queryKey: registrationKeys.detail(id ?? ''),
    queryFn: () => callEndpoint(e.detail, { params: { id: id ?? '' } }),
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
    mutationFn: (body: CreateRegistrationInput) =>
      callEndpoint(e.create, { params: { id: planId }, body }),
    onSuccess: invalidate,
  });
}

export function useRegisterStaff(planId: Id) {
  const invalidate = useInvalidateRegistrations();
  return useMutation({
    mutationFn: (body: BulkRegistrationInput) =>
      callEndpoint(e.bulkCreate, { params: { id: planId }, body }),
    onSuccess: invalidate,
  });
}

export function useUpdateRegistration() {
  const invalidate = useInvalidateRegistrations();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: Id } & BodyOf<typeof e.update>) =>
      callEndpoint(e.update, { params: { id }, body }),
    onSettled: invalidate,
  });
}

export function useResubmitRegistration() {
  const invalidate = useInvalidateRegistrations();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: Id } & BodyOf<typeof e.resubmit>) =>
      callEndpoint(e.resubmit, { params: { id }, body }),
    onSettled: invalidate,
  });
}

export type Decision = 'approve' | 'withdraw';

export function useDecideRegistration() {
  const invalidate = useInvalidateRegistrations();
  return useMutation({
    mutationFn: ({ id, action, version }: { id: Id; action: Decision; version: number }) =>
      callEndpoint(e[action], { params: { id }, body: { version } }),
    onSettled: invalidate,
  });
}

export function useReturnRegistration() {
  const invalidate = useInvalidateRegistrations();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: Id } & BodyOf<typeof e.return>) =>
      callEndpoint(e.return, { params: { id }, body }),
    onSettled: invalidate,
  });
}

/** Approves or returns (one reason) many submitted registrations of a plan, all or nothing. */
export function useBulkReview(planId: Id) {
  const invalidate = useInvalidateRegistrations();
  return useMutation({
    mutationFn: (body: BodyOf<typeof e.bulkReview>) =>
      callEndpoint(e.bulkReview, { params: { id: planId }, body }),
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
): Promise<{ items: RegistrationListItem[]; total: number }> {
  const items: RegistrationListItem[] = [];
  let total = 0;
  for (let page = 1; items.length < max; page++) {
    const res = await callEndpoint(e.list, {
      params: { id: planId },
      query: { ...filter, status: 'submitted', page, pageSize: 200 },
    });
    total = res.total;
    items.push(...res.items);
    if (res.items.length === 0 || items.length >= total) break;
  }
  return { items: items.slice(0, max), total };
}
