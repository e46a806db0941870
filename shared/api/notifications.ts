import { z } from 'zod';
import { defineEndpoint } from './endpoint';
import { IdParams, dateOnly, instant, page, pageSize } from './fields';

/** In-app notifications of the signed-in user (addressed to the units where they hold a role). */

export const ListNotificationsQuery = z.object({
  unreadOnly: z.stringbool().optional(),
  page,
  pageSize,
});

export const AppNotification = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** An app path ("/plans/12") to open, or null. */
  link: z.string().nullable(),
  dueOn: dateOnly.nullable(),
  createdAt: instant,
  read: z.boolean(),
});
export type AppNotification = z.infer<typeof AppNotification>;

export const NotificationList = z.object({
  items: z.array(AppNotification),
  total: z.number().int(),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationList>;

const tags = ['notifications'] as const;

export const notificationEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/notifications',
    summary: "The user's notifications, newest first, with the unread count",
    tags,
    access: 'user',
    query: ListNotificationsQuery,
    response: NotificationList,
  }),
  markRead: defineEndpoint({
    method: 'POST',
    path: '/api/notifications/:id/read',
    summary: 'Mark one notification read',
    tags,
    access: 'user',
    params: IdParams,
    response: z.object({ ok: z.literal(true) }),
  }),
  markAllRead: defineEndpoint({
    method: 'POST',
    path: '/api/notifications/read-all',
    summary: 'Mark every notification of the user read',
    tags,
    access: 'user',
    response: z.object({ marked: z.number().int() }),
  }),
};
