import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { DemoAccounts, Me, MeResponse } from '../../api/types';

export const meKey = ['auth', 'me'] as const;

/** GET /api/auth/me: the signed-in user, or null without a session (never a 401). */
async function fetchMe(): Promise<Me | null> {
  const res = await api.get<MeResponse>('/api/auth/me', undefined, { redirectOn401: false });
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
    queryFn: () =>
      api.get<DemoAccounts>('/api/auth/demo-accounts', undefined, { redirectOn401: false }),
    staleTime: Infinity,
    retry: false,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      api.post<{ user: Me['user'] }>('/api/auth/login', body, { redirectOn401: false }),
    onSuccess: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery({ queryKey: meKey, queryFn: fetchMe });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout', undefined, { redirectOn401: false }),
    onSettled: () => {
      queryClient.clear();
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<void>('/api/auth/password', body, { redirectOn401: false }),
  });
}
