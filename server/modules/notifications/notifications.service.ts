import { sql } from 'kysely';
import { actorId, type Ctx } from '../../platform/context';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
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
  const rows = await db
    .insertInto('notification')
    .values({ ...n, createdAt: ctx.now(), actorUserId: actorId(ctx.actor) })
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

/** The notifications `userId` (holding roles at `units`) sees: not those of their own doing. */
const addressedTo = (units: number[], userId: number) =>
  sql`n.unit_id = ANY(${sql.val(units)}::int[]) AND n.actor_user_id IS DISTINCT FROM ${userId}`;

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
  const unread = sql`NOT EXISTS (SELECT 1 FROM notification_read r
    WHERE r.notification_id = n.id AND r.user_id = ${userId})`;
  const mine = addressedTo(units, userId);
  const where = sql`${mine}${query.unreadOnly ? sql` AND ${unread}` : sql``}`;
  const { rows } = await sql<{
    id: number;
    kind: string;
    title: string;
    body: string;
    link: string | null;
    dueOn: string | null;
    createdAt: Date;
    read: boolean;
  }>`SELECT n.id, n.kind, n.title, n.body, n.link, n.due_on AS "dueOn", n.created_at AS "createdAt",
      NOT ${unread} AS read
    FROM notification n WHERE ${where}
    ORDER BY n.created_at DESC, n.id DESC
    LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`.execute(ctx.db);
  const { rows: counts } = await sql<{ total: number; unread: number }>`
    SELECT count(*) FILTER (WHERE ${where})::int AS total,
      count(*) FILTER (WHERE ${unread})::int AS unread
    FROM notification n WHERE ${mine}`.execute(ctx.db);
  return {
    items: rows.map(({ createdAt, ...n }) => ({ ...n, createdAt: createdAt.toISOString() })),
    total: counts[0]?.total ?? 0,
    unread: counts[0]?.unread ?? 0,
  };
}

/** Marks one notification read for the actor (NOT_FOUND if it is not addressed to them). */
export async function markNotificationRead(ctx: Ctx, rawId: unknown) {
  const id = parseInput(idSchema, rawId, { '(dữ liệu)': 'Mã thông báo' });
  const units = unitIdsOf(ctx);
  if (ctx.actor.kind !== 'user') throw notFound('thông báo');
  const userId = ctx.actor.userId;
  const n = await ctx.db
    .selectFrom('notification')
    .select('id')
    .where('id', '=', id)
    .where('unitId', 'in', units.length === 0 ? [0] : units)
    .where((eb) => eb('actorUserId', 'is', null).or('actorUserId', '<>', userId))
    .executeTakeFirst();
  if (n === undefined) throw notFound('thông báo');
  await ctx.db
    .insertInto('notificationRead')
    .values({ notificationId: id, userId: ctx.actor.userId, readAt: ctx.now() })
    .onConflict((oc) => oc.columns(['notificationId', 'userId']).doNothing())
    .execute();
  return { ok: true } as const;
}

/** Marks every notification addressed to the actor as read. */
export async function markAllNotificationsRead(ctx: Ctx) {
  const units = unitIdsOf(ctx);
  if (ctx.actor.kind !== 'user' || units.length === 0) return { marked: 0 };
  const { rows } = await sql<{ n: number }>`
    WITH ins AS (
      INSERT INTO notification_read (notification_id, user_id, read_at)
      SELECT n.id, ${ctx.actor.userId}, ${ctx.now()} FROM notification n
      WHERE ${addressedTo(units, ctx.actor.userId)}
      ON CONFLICT DO NOTHING RETURNING 1
    ) SELECT count(*)::int AS n FROM ins`.execute(ctx.db);
  return { marked: rows[0]?.n ?? 0 };
}
