import type { Ctx } from '../../platform/context';
import { forbidden } from '../../platform/errors';
import { canAnywhere, scopeFor } from '../../platform/access';
import { parseInput } from '../../platform/validation';
import * as q from './audit.queries';
import {
  anchorMessage,
  lastAnchor,
  publicKeyPem,
  readAnchorKey,
} from '../../platform/audit-anchor';
import {
  AuditQuery,
  HistoryQuery,
  type AuditAnchorResponse,
  type AuditEntry,
  type AuditPage,
} from '../../../shared/api/audit';

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
  seq: number | null;
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
    sealed: r.seq !== null,
  };
}

/**
 * The newest anchor of the audit chain in `anchorDir` (DATA_DIR/audit-anchors) with the public
 * key that verifies it; public, so outsiders can keep copies (decision 032).
 */
export function publicAuditAnchor(anchorDir: string): AuditAnchorResponse {
  const key = readAnchorKey(anchorDir);
  const a = lastAnchor(anchorDir);
  return {
    anchor: a === undefined ? null : { ...a, signedText: anchorMessage(a).toString('utf8') },
    algorithm: 'Ed25519',
    publicKey: key === undefined ? null : publicKeyPem(key),
  };
}

/**
 * Browses the audit trail (audit.view): system administrators see everything, others the events
 * recorded on units inside their subtrees. Filters by entity, actor, action and date (Vietnam time).
 */
export async function listAudit(ctx: Ctx, input: unknown): Promise<AuditPage> {
  if (!canAnywhere(ctx.actor, 'audit.view')) throw forbidden();
  const qy = parseInput(AuditQuery, input, labels);
  const { page: p, pageSize: size, ...filter } = qy;
  const r = await q.listAuditEvents(
    ctx.db,
    { ...filter, scope: scopeFor(ctx.actor, 'audit.view') },
    p,
    size,
  );
  return { items: r.rows.map(toEntry), total: r.total };
}

/** History of one entity. The caller has already checked the actor may view that entity. */
export async function entityHistory(
  ctx: Ctx,
  entityType: string,
  entityId: number | string,
  input: unknown,
): Promise<AuditPage> {
  const qy = parseInput(HistoryQuery, input);
  const r = await q.listEntityEvents(ctx.db, entityType, String(entityId), qy.page, qy.pageSize);
  return { items: r.rows.map(toEntry), total: r.total };
}
