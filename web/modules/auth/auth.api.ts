import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callEndpoint } from '../../api/endpoint';
import { authEndpoints as e, type LoginInput, type Me } from '../../../shared/api/auth';
import type { BodyOf } from '../../../shared/api/endpoint';

// The response types are the contract's (shared/api/auth.ts).
export type { DemoAccounts, Grant, Me, MeResponse } from '../../../shared/api/auth';

export const meKey = ['auth', 'me'] as const;

/** GET /api/auth/me: the signed-in user, or null without a session (never a 401). */
async function fetchMe(): Promise<Me | null> {
  const res = await callEndpoint(e.me, { redirectOn401: false });
  return res.user === null ? null : res;
}

/** The signed-in user, grants and allowed actions; null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: fetchMe,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useDemoAccounts() {
  return useQuery({
    queryKey: ['auth', 'demo-accounts'],
    queryFn: () => callEndpoint(e.demoAccounts, { redirectOn401: false }),
    staleTime: Infinity,
    retry: false,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginInput) => callEndpoint(e.login, { body, redirectOn401: false }),
    onSuccess: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery({ queryKey: meKey, queryFn: fetchMe });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callEndpoint(e.logout, { redirectOn401: false }),
    onSettled: () => {
      queryClient.clear();
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: BodyOf<typeof e.changePassword>) =>
      callEndpoint(e.changePassword, { body, redirectOn401: false }),
  });
}
