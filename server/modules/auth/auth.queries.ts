import { sql } from 'kysely';
import type { Executor } from '../../platform/db';
import type { Grant } from '../../platform/context';
import type { Role } from '../../../shared/permissions';

export function findUserByUsername(db: Executor, username: string) {
  return db
    .selectFrom('userAccount')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
}

export function findUserById(db: Executor, id: number) {
  return db.selectFrom('userAccount').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listGrants(
  db: Executor,
  userId: number,
): Promise<(Grant & { id: number; unitName: string | null })[]> {
  const rows = await db
    .selectFrom('roleGrant as g')
    .leftJoin('orgUnit as u', 'u.id', 'g.unitId')
    .select([
      'g.id',
      'g.role',
      'g.unitId',
      sql<string | null>`u.path::text`.as('unitPath'),
      'u.name as unitName',
    ])
    .where('g.userId', '=', userId)
    .orderBy('g.id')
    .execute();
  return rows;
}

export type SessionUser = {
  sessionId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  userId: number;
  username: string;
  displayName: string;
  personId: number | null;
  grants: Grant[];
};

/** One round trip per request: the live session, its active user and their grants with unit paths. */
export async function findLiveSession(
  db: Executor,
  sessionId: string,
  now: Date,
  idleMinutes: number,
): Promise<SessionUser | undefined> {
  const result = await sql<SessionUser>`
    SELECT s.id AS session_id, s.last_seen_at, s.expires_at, u.id AS user_id, u.username, u.display_name, u.person_id,
      COALESCE((SELECT json_agg(json_build_object('role', g.role, 'unitId', g.unit_id, 'unitPath', o.path::text) ORDER BY g.id)
                FROM role_grant g LEFT JOIN org_unit o ON o.id = g.unit_id WHERE g.user_id = u.id), '[]') AS grants
    FROM user_session s JOIN user_account u ON u.id = s.user_id
    WHERE s.id = ${sessionId} AND u.active AND s.expires_at > ${now}
      AND s.last_seen_at > ${now}::timestamptz - make_interval(mins => ${idleMinutes})`.execute(db);
  return result.rows[0];
}

export async function insertSession(
  db: Executor,
  s: {
    id: string;
    userId: number;
    now: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto('userSession')
    .values({
      id: s.id,
      userId: s.userId,
      createdAt: s.now,
      lastSeenAt: s.now,
      expiresAt: s.expiresAt,
      ip: s.ip,
      userAgent: s.userAgent,
    })
    .execute();
}

export async function touchSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable('userSession')
    .set({ lastSeenAt: now })
    .where('id', '=', sessionId)
    .execute();
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('userSession').where('id', '=', sessionId).execute();
}

export async function deleteExpiredSessions(
  db: Executor,
  now: Date,
  idleMinutes: number,
): Promise<number> {
  const r = await db
    .deleteFrom('userSession')
    .where((eb) =>
      eb.or([
        eb('expiresAt', '<=', now),
        eb(
          'lastSeenAt',
          '<=',
          sql<Date>`${now}::timestamptz - make_interval(mins => ${idleMinutes})`,
        ),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function insertGrant(
  db: Executor,
  g: { userId: number; role: Role; unitId: number | null; grantedBy: number | null },
) {
  return db
    .insertInto('roleGrant')
    .values(g)
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}
