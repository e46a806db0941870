import { sql, type SqlBool } from 'kysely';
import type { Ctx } from '../../platform/context';
import { forbidden } from '../../platform/errors';
import { canAnywhere, pathInScope, scopeFor } from '../../platform/access';
import { page, pageSize, parseInput, z } from '../../platform/validation';
import type { Executor } from '../../platform/db';
import { AuditQuery, type AuditEntry, type AuditPage } from '../../../shared/api/audit';

const labels = {
  entityType: 'Loại đối tượng',
  entityId: 'Mã đối tượng',
  actorId: 'Người thực hiện',
  action: 'Thao tác',
  from: 'Từ ngày',
  to: 'Đến ngày',
};

function toEntry(r: {
  id: number;
  at: Date;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}): AuditEntry {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actorName === null ? null : { id: r.actorId, name: r.actorName },
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
  };
}

async function page_(
  db: Executor,
  where: ReturnType<typeof sql<SqlBool>>,
  p: number,
  size: number,
): Promise<AuditPage> {
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
      ])
      .orderBy('id', 'desc')
      .limit(size)
      .offset((p - 1) * size)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toEntry), total: Number(count.n) };
}

/**
 * Browses the audit trail (audit.view): system administrators see everything, others the events
 * recorded on units inside their subtrees. Filters by entity, actor, action and date (Vietnam time).
 */
export async function listAudit(ctx: Ctx, input: unknown) {
  if (!canAnywhere(ctx.actor, 'audit.view')) throw forbidden();
  const qy = parseInput(AuditQuery, input, labels);
  const scope = scopeFor(ctx.actor, 'audit.view');
  const c = [
    scope.all
      ? sql<SqlBool>`true`
      : sql<SqlBool>`unit_path IS NOT NULL AND ${pathInScope(scope, sql<string>`unit_path`)}`,
  ];
  if (qy.entityType) c.push(sql<SqlBool>`entity_type = ${qy.entityType}`);
  if (qy.entityId) c.push(sql<SqlBool>`entity_id = ${qy.entityId}`);
  if (qy.actorId) c.push(sql<SqlBool>`actor_id = ${qy.actorId}`);
  if (qy.action) c.push(sql<SqlBool>`action LIKE ${`${qy.action}%`}`);
  if (qy.from)
    c.push(sql<SqlBool>`at >= (${qy.from}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
  if (qy.to)
    c.push(sql<SqlBool>`at < ((${qy.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`);
  return page_(ctx.db, sql<SqlBool>`${sql.join(c, sql` AND `)}`, qy.page, qy.pageSize);
}

/** History of one entity. The caller has already checked the actor may view that entity. */
export async function entityHistory(
  ctx: Ctx,
  entityType: string,
  entityId: number | string,
  input: unknown,
) {
  const qy = parseInput(z.object({ page, pageSize }), input);
  return page_(
    ctx.db,
    sql<SqlBool>`entity_type = ${entityType} AND entity_id = ${String(entityId)}`,
    qy.page,
    qy.pageSize,
  );
}
