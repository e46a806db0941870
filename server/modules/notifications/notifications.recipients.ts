import { isSystemRole, roleAllows, roles } from '../../../shared/permissions';
import { actorId, type Ctx } from '../../platform/context';
import type { Executor } from '../../platform/db';
import type { NewNotification } from './notifications.service';
import * as q from './notifications.queries';

/**
 * Who acts for a unit. A notification is read by the accounts holding a role at the unit itself,
 * but many units that take part in a campaign have no account: a one-stop section (bộ phận một
 * cửa) or a school is run from its commune, whose head and emulation officer register, score and
 * explain for it (`registration.submit` covers the subtree). So a notification meant for "the
 * unit's side" goes to the unit itself and, unless an active account at that unit holds
 * `registration.submit`, also to its nearest ancestor where one does.
 */

const ACTING_ROLES = roles.filter((r) => !isSystemRole(r) && roleAllows(r, 'registration.submit'));

/** For each unit id: the unit and its acting unit (itself or its nearest acting ancestor). */
export async function actingUnits(
  db: Executor,
  unitIds: readonly number[],
): Promise<Map<number, number[]>> {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return new Map();
  const rows = await q.listActingUnitIds(db, ids, ACTING_ROLES);
  return new Map(
    rows.map((r) => [
      r.unitId,
      r.actingId === null || r.actingId === r.unitId ? [r.unitId] : [r.unitId, r.actingId],
    ]),
  );
}

/**
 * Sends each notification to the side of its `unitId` (see above); each recipient's dedupe key is
 * the notification's with ":u<recipient id>", so a repeated event sends nothing twice. Returns the
 * number of rows written. The acting user is recorded as the cause and never sees them.
 */
export async function notifyUnitSide(
  ctx: Ctx,
  ns: readonly NewNotification[],
  db: Executor = ctx.db,
): Promise<number> {
  const sides = await actingUnits(
    db,
    ns.map((n) => n.unitId),
  );
  const now = ctx.now();
  const actorUserId = actorId(ctx.actor);
  const rows = ns.flatMap((n) =>
    (sides.get(n.unitId) ?? [n.unitId]).map((unitId) => ({
      ...n,
      unitId,
      dedupeKey: `${n.dedupeKey}:u${unitId}`,
      createdAt: now,
      actorUserId,
    })),
  );
  return q.insertNotifications(db, rows);
}
