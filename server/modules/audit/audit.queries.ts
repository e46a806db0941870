import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db';
import { pathInScope, type Scope } from '../../platform/access';
import { escapeLike } from '../../platform/text';

/** The audit trail's filters; dates are Vietnam calendar days (YYYY-MM-DD), both inclusive. */
export type AuditFilter = {
  scope: Scope;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: number | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

async function pageOf(
  db: Executor,
  where: ReturnType<typeof sql<SqlBool>>,
  p: number,
  size: number,
) {
  const base = db.selectFrom('auditEvent').where(where);
  const [rows, count] = await Promise.all([
    base
      .select([
        'id',
        'at',
        'actorId',
        'actorName',
        'action',
        'entityType',
        'entityId',
        'before',
        'after',
        'seq',
      ])
      .orderBy('id', 'desc')
      .limit(size)
      .offset((p - 1) * size)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/**
 * One page of audit events, newest first: those recorded on units inside the scope (all when the
 * scope is all) matching every given filter.
 */
export function listAuditEvents(db: Executor, f: AuditFilter, p: number, size: number) {
  const c = [
    f.scope.all
      ? sql<SqlBool>`true`
      : sql<SqlBool>`unit_path IS NOT NULL AND ${pathInScope(f.scope, sql<string>`unit_path`)}`,
  ];
  if (f.entityType) c.push(sql<SqlBool>`entity_type = ${f.entityType}`);
  if (f.entityId) c.push(sql<SqlBool>`entity_id = ${f.entityId}`);
  if (f.actorId) c.push(sql<SqlBool>`actor_id = ${f.actorId}`);
  if (f.action) c.push(sql<SqlBool>`action LIKE ${`${escapeLike(f.action)}%`}`);
  if (f.from)
    c.push(sql<SqlBool>`at >= (${f.from}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
  if (f.to)
    c.push(sql<SqlBool>`at < ((${f.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`);
  return pageOf(db, sql<SqlBool>`${sql.join(c, sql` AND `)}`, p, size);
}

/** One page of the events recorded on one entity, newest first. */
export function listEntityEvents(
  db: Executor,
  entityType: string,
  entityId: string,
  p: number,
  size: number,
) {
  return pageOf(db, sql<SqlBool>`entity_type = ${entityType} AND entity_id = ${entityId}`, p, size);
}
