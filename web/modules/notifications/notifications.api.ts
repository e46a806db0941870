import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callEndpoint } from '../../api/endpoint';
import type { Id } from '../../api/types';
import {
  notificationEndpoints as e,
  type NotificationList,
} from '../../../shared/api/notifications';

/** In-app notifications of the signed-in user (addressed to the units where they hold a role). */

export type { AppNotification, NotificationList } from '../../../shared/api/notifications';

export const notificationKeys = {
  all: ['notifications'] as const,
  recent: (pageSize: number) => ['notifications', 'recent', pageSize] as const,
};

/** How often the bell asks for new notifications. */
export const NOTIFICATION_POLL_MS = 60_000;

export function useRecentNotifications(pageSize = 10) {
  return useQuery({
    queryKey: notificationKeys.recent(pageSize),
    queryFn: () => callEndpoint(e.list, { query: { page: 1, pageSize } }),
    refetchInterval: NOTIFICATION_POLL_MS,
    staleTime: 30_000,
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: Id) => callEndpoint(e.markRead, { params: { id } }),
    // The bell turns the item plain at once; the refetch confirms.
    onMutate: (id: Id) => {
      queryClient.setQueriesData<NotificationList>({ queryKey: notificationKeys.all }, (old) => {
        if (!old) return old;
        const target = old.items.find((n) => String(n.id) === String(id));
        if (!target || target.read) return old;
        return {
          ...old,
          unread: Math.max(0, old.unread - 1),
          items: old.items.map((n) => (n === target ? { ...n, read: true } : n)),
        };
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callEndpoint(e.markAllRead),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
