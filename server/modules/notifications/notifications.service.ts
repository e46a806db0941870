import { actorId, type Ctx } from '../../platform/context';
import type { Executor, PendingWrite } from '../../platform/db';
import { notFound } from '../../platform/errors';
import * as q from './notifications.queries';
import { id as idSchema, parseInput } from '../../platform/validation';
import { ListNotificationsQuery, type NotificationList } from '../../../shared/api/notifications';

/**
 * In-app notifications addressed to a unit: every account holding a role at that very unit sees
 * them (the officer and the head who must act), each with their own read mark — except the user
 * whose action caused it (`actorUserId`, stamped from `ctx.actor` when sent): nobody is notified
 * of their own approval, return or publication.
 */

export type NewNotification = {
  unitId: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dueOn: string | null;
  /** One notification per key: repeating a reminder job sends nothing twice. */
  dedupeKey: string;
};

/**
 * Inserts the notification unless its key was already used; returns 1 when sent, 0 otherwise.
 * Pass the transaction as `db` to send it only if the change it reports commits. The acting user
 * (`ctx.actor`) is recorded as its cause and never sees it.
 */
export async function notifyUnit(
  ctx: Ctx,
  n: NewNotification,
  db: Executor = ctx.db,
): Promise<number> {
  return q.insertNotifications(db, [
    { ...n, createdAt: ctx.now(), actorUserId: actorId(ctx.actor) },
  ]);
}

/**
 * `notifyUnit` built but not sent: for a change that sends it with its other writes in one round
 * trip (`writeTogether`, decision 040). Build it on the transaction of the change it reports.
 */
export function notificationWrite(ctx: Ctx, n: NewNotification, db: Executor): PendingWrite {
  return q.notificationInsert(db, [
    { ...n, createdAt: ctx.now(), actorUserId: actorId(ctx.actor) },
  ]);
}

function unitIdsOf(ctx: Ctx): number[] {
  if (ctx.actor.kind !== 'user') return [];
  return [...new Set(ctx.actor.grants.flatMap((g) => (g.unitId === null ? [] : [g.unitId])))];
}

/** The actor's notifications, newest first, with the unread count. */
export async function listNotifications(ctx: Ctx, input: unknown): Promise<NotificationList> {
  const query = parseInput(ListNotificationsQuery, input, { unreadOnly: 'Chỉ chưa đọc' });
  const units = unitIdsOf(ctx);
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : 0;
  if (units.length === 0) return { items: [], total: 0, unread: 0 };
  const { rows, total, unread } = await q.listUserNotifications(ctx.db, {
    units,
    userId,
    unreadOnly: query.unreadOnly === true,
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    items: rows.map(({ createdAt, ...n }) => ({ ...n, createdAt: createdAt.toISOString() })),
    total,
    unread,
  };
}

/** Marks one notification read for the actor (NOT_FOUND if it is not addressed to them). */
export async function markNotificationRead(ctx: Ctx, rawId: unknown) {
  const id = parseInput(idSchema, rawId, { '(dữ liệu)': 'Mã thông báo' });
  const units = unitIdsOf(ctx);
  if (ctx.actor.kind !== 'user') throw notFound('thông báo');
  const userId = ctx.actor.userId;
  const n = await q.findUserNotification(ctx.db, id, units, userId);
  if (n === undefined) throw notFound('thông báo');
  await q.insertRead(ctx.db, id, userId, ctx.now());
  return { ok: true } as const;
}

/** Marks every notification addressed to the actor as read. */
export async function markAllNotificationsRead(ctx: Ctx) {
  const units = unitIdsOf(ctx);
  if (ctx.actor.kind !== 'user' || units.length === 0) return { marked: 0 };
  return { marked: await q.insertAllRead(ctx.db, units, ctx.actor.userId, ctx.now()) };
}
