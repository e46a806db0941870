import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Account, Id, Page } from '../../api/types';
import type { Role } from '../../../shared/permissions';

export type AccountRow = Account & { lastLoginAt?: string | null; personId?: Id | null };

export function useAccounts(search: string, page: number) {
  return useQuery({
    queryKey: ['accounts', 'list', search, page],
    queryFn: () =>
      api.get<Page<AccountRow>>('/api/accounts', { search: search || undefined, page }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateAccounts() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['accounts'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
      // The signed-in user may have changed their own grants.
      queryClient.invalidateQueries({ queryKey: ['auth', 'me'] }),
    ]);
}

export function useCreateAccount() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (body: { username: string; displayName: string; password: string }) =>
      api.post<AccountRow>('/api/accounts', body),
    onSuccess: invalidate,
  });
}

export function useUpdateAccount() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: Id;
      active?: boolean;
      displayName?: string;
      password?: string;
    }) => api.patch<AccountRow>(`/api/accounts/${encodeURIComponent(String(id))}`, body),
    onSuccess: invalidate,
  });
}

export function useGrantRole() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ accountId, ...body }: { accountId: Id; role: Role; unitId: string | null }) =>
      api.post<unknown>(`/api/accounts/${encodeURIComponent(String(accountId))}/grants`, body),
    onSuccess: invalidate,
  });
}

export function useRevokeRole() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ accountId, grantId }: { accountId: Id; grantId: Id }) =>
      api.delete(
        `/api/accounts/${encodeURIComponent(String(accountId))}/grants/${encodeURIComponent(String(grantId))}`,
      ),
    onSuccess: invalidate,
  });
}
