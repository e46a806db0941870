import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Id } from '../../api/types';
import { callEndpoint } from '../../api/endpoint';
import { authEndpoints as e } from '../../../shared/api/auth';
import type { BodyOf } from '../../../shared/api/endpoint';

// The response types are the contract's (shared/api/auth.ts).
export type { Account as AccountRow } from '../../../shared/api/auth';

export function useAccounts(search: string, page: number) {
  return useQuery({
    queryKey: ['accounts', 'list', search, page],
    queryFn: () => callEndpoint(e.listAccounts, { query: { search: search || undefined, page } }),
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
    mutationFn: (body: BodyOf<typeof e.createAccount>) => callEndpoint(e.createAccount, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateAccount() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: Id } & BodyOf<typeof e.updateAccount>) =>
      callEndpoint(e.updateAccount, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useGrantRole() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ accountId, ...body }: { accountId: Id } & BodyOf<typeof e.grantRole>) =>
      callEndpoint(e.grantRole, { params: { id: accountId }, body }),
    onSuccess: invalidate,
  });
}

export function useRevokeRole() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ accountId, grantId }: { accountId: Id; grantId: Id }) =>
      callEndpoint(e.revokeRole, { params: { id: accountId, grantId } }),
    onSuccess: invalidate,
  });
}
