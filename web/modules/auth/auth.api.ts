import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { DemoAccounts, Me } from '../../api/types';

export const meKey = ['auth', 'me'] as const;

/** The signed-in user, grants and allowed actions. A 401 is an error here, not a redirect. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: () => api.get<Me>('/api/auth/me', undefined, { redirectOn401: false }),
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
      await queryClient.fetchQuery({
        queryKey: meKey,
        queryFn: () => api.get<Me>('/api/auth/me', undefined, { redirectOn401: false }),
      });
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
