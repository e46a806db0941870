import { sql } from 'kysely';
import type { Executor } from '../../platform/db';
import type { Role } from '../../../shared/permissions';

/** A notification row as written (one per recipient unit). */
export type NotificationRow = {
  unitId: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dueOn: string | null;
  dedupeKey: string;
  createdAt: Date;
  actorUserId: number | null;
};

/** Rows per INSERT, well under PostgreSQL's 65,535 parameters. */
const CHUNK = 1000;

/** The insert of notifications whose dedupe key is new (at most CHUNK rows), not yet sent. */
export function notificationInsert(db: Executor, rows: readonly NotificationRow[]) {
  return db
    .insertInto('notification')
    .values(rows.slice(0, CHUNK))
    .onConflict((oc) => oc.column('dedupeKey').doNothing());
}

/** Inserts the rows whose dedupe key is new (in chunks); returns how many were written. */
export async function insertNotifications(
  db: Executor,
  rows: readonly NotificationRow[],
): Promise<number> {
  let sent = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const written = await notificationInsert(db, rows.slice(i, i + CHUNK))
      .returning('id')
      .execute();
    sent += written.length;
  }
  return sent;
}

/**
 * For each unit id: the unit itself when an active account holds one of `actingRoles` there,
 * else its nearest ancestor where one does (null when none does).
 */
export async function listActingUnitIds(
  db: Executor,
  unitIds: readonly number[],
  actingRoles: readonly Role[],
) {
  // An org unit's ltree path is the ids from the root down, so its labels are its ancestors.
  const { rows } = await sql<{ unitId: number; actingId: number | null }>`
    SELECT u.id AS "unitId", (
      SELECT a.id FROM unnest(string_to_array(u.path::text, '.')::int[]) WITH ORDINALITY AS a(id, depth)
      WHERE EXISTS (SELECT 1 FROM role_grant g JOIN user_account ua ON ua.id = g.user_id
        WHERE g.unit_id = a.id AND ua.active AND g.role = ANY(${sql.val(actingRoles)}::text[]))
      ORDER BY a.depth DESC LIMIT 1) AS "actingId"
    FROM org_unit u WHERE u.id = ANY(${sql.val(unitIds)}::int[])`.execute(db);
  return rows;
}

/** The notifications of these units not caused by `userId` (whose roles are held there). */
const addressedTo = (units: readonly number[], userId: number) =>
  sql`n.unit_id = ANY(${sql.val(units)}::int[]) AND n.actor_user_id IS DISTINCT FROM ${userId}`;

/** One page of a user's notifications, newest first, with their read mark, total and unread count. */
export async function listUserNotifications(
  db: Executor,
  p: {
    units: readonly number[];
    userId: number;
    unreadOnly: boolean;
    page: number;
    pageSize: number;
  },
) {
  const unread = sql`NOT EXISTS (SELECT 1 FROM notification_read r
    WHERE r.notification_id = n.id AND r.user_id = ${p.userId})`;
  const mine = addressedTo(p.units, p.userId);
  const where = sql`${mine}${p.unreadOnly ? sql` AND ${unread}` : sql``}`;
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
    LIMIT ${p.pageSize} OFFSET ${(p.page - 1) * p.pageSize}`.execute(db);
  const { rows: counts } = await sql<{ total: number; unread: number }>`
    SELECT count(*) FILTER (WHERE ${where})::int AS total,
      count(*) FILTER (WHERE ${unread})::int AS unread
    FROM notification n WHERE ${mine}`.execute(db);
  return { rows, total: counts[0]?.total ?? 0, unread: counts[0]?.unread ?? 0 };
}

/** The notification when it is addressed to the user (one of `units`, not of their doing). */
export function findUserNotification(
  db: Executor,
  id: number,
  units: readonly number[],
  userId: number,
) {
  return db
    .selectFrom('notification')
    .select('id')
    .where('id', '=', id)
    .where('unitId', 'in', units.length === 0 ? [0] : units)
    .where((eb) => eb('actorUserId', 'is', null).or('actorUserId', '<>', userId))
    .executeTakeFirst();
}

export async function insertRead(
  db: Executor,
  notificationId: number,
  userId: number,
  at: Date,
): Promise<void> {
  await db
    .insertInto('notificationRead')
    .values({ notificationId, userId, readAt: at })
    .onConflict((oc) => oc.columns(['notificationId', 'userId']).doNothing())
    .execute();
}

/** Marks read every notification addressed to the user; returns how many were newly marked. */
export async function insertAllRead(
  db: Executor,
  units: readonly number[],
  userId: number,
  at: Date,
): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    WITH ins AS (
      INSERT INTO notification_read (notification_id, user_id, read_at)
      SELECT n.id, ${userId}, ${at} FROM notification n
      WHERE ${addressedTo(units, userId)}
      ON CONFLICT DO NOTHING RETURNING 1
    ) SELECT count(*)::int AS n FROM ins`.execute(db);
  return rows[0]?.n ?? 0;
}
