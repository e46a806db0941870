import { sql } from 'kysely';
import type { Executor } from '../../platform/db';
import { pathInScope, type Scope } from '../../platform/access';
import { escapeLike } from '../../platform/text';
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

/**
 * One page of accounts, with the total: only those holding a grant inside `scope` (every account
 * when the scope is all), optionally matching `search` on the username or the accent-free name.
 */
export async function listAccountsPage(
  db: Executor,
  p: { scope: Scope; search?: string | undefined; page: number; pageSize: number },
) {
  const { scope } = p;
  let query = db.selectFrom('userAccount as a');
  if (!scope.all) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('roleGrant as g')
          .innerJoin('orgUnit as u', 'u.id', 'g.unitId')
          .whereRef('g.userId', '=', 'a.id')
          .where(pathInScope(scope, sql<string>`u.path`))
          .select(sql`1`.as('one')),
      ),
    );
  }
  if (p.search) {
    // Wildcards in the search are matched literally (escaped before f_norm, which keeps `\`).
    const literal = escapeLike(p.search);
    query = query.where((eb) =>
      eb.or([
        eb('a.username', 'ilike', `%${literal}%`),
        eb(
          sql<string>`f_norm(a.display_name)`,
          'like',
          sql<string>`'%' || f_norm(${literal}) || '%'`,
        ),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .select(['a.id', 'a.username', 'a.displayName', 'a.active', 'a.personId', 'a.lastLoginAt'])
      .orderBy('a.username')
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function insertUser(
  db: Executor,
  u: { username: string; displayName: string; passwordHash: string; personId: number | null },
) {
  return db
    .insertInto('userAccount')
    .values(u)
    .returning(['id', 'username', 'displayName', 'active', 'personId'])
    .executeTakeFirstOrThrow();
}

/** Applies the given changes and bumps the version; returns the account after. */
export function updateUser(
  db: Executor,
  id: number,
  changes: { displayName?: string; active?: boolean; passwordHash?: string; updatedAt: Date },
) {
  return db
    .updateTable('userAccount')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .returning(['id', 'username', 'displayName', 'active'])
    .executeTakeFirstOrThrow();
}

export async function setLastLogin(db: Executor, userId: number, at: Date): Promise<void> {
  await db.updateTable('userAccount').set({ lastLoginAt: at }).where('id', '=', userId).execute();
}

export async function setPasswordHash(
  db: Executor,
  userId: number,
  passwordHash: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('userAccount')
    .set({ passwordHash, updatedAt: at })
    .where('id', '=', userId)
    .execute();
}

/** Ends every session of the account, except `keepSessionId` when given. */
export async function deleteUserSessions(
  db: Executor,
  userId: number,
  keepSessionId?: string,
): Promise<void> {
  let del = db.deleteFrom('userSession').where('userId', '=', userId);
  if (keepSessionId !== undefined) del = del.where('id', '!=', keepSessionId);
  await del.execute();
}

/** The grant of this account with its unit's path (null for a system-wide grant). */
export function findGrant(db: Executor, accountId: number, grantId: number) {
  return db
    .selectFrom('roleGrant as g')
    .leftJoin('orgUnit as u', 'u.id', 'g.unitId')
    .select(['g.id', 'g.role', 'g.unitId', sql<string | null>`u.path::text`.as('unitPath')])
    .where('g.id', '=', grantId)
    .where('g.userId', '=', accountId)
    .executeTakeFirst();
}

export async function deleteGrant(db: Executor, grantId: number): Promise<void> {
  await db.deleteFrom('roleGrant').where('id', '=', grantId).execute();
}

/** The unit's ltree path as text, or undefined when there is no such unit. */
export async function findUnitPath(db: Executor, unitId: number): Promise<string | undefined> {
  const unit = await db
    .selectFrom('orgUnit')
    .select(sql<string>`path::text`.as('path'))
    .where('id', '=', unitId)
    .executeTakeFirst();
  return unit?.path;
}
