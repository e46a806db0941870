import type { Executor } from '../../platform/db';

/** Marks the live awards a decision recorded as removed; returns the rows marked. */
export async function markDecisionHonoursRemoved(
  db: Executor,
  sourceRef: string,
  by: { userId: number | null; reason: string; at: Date },
) {
  return db
    .updateTable('honour')
    .set({ removedAt: by.at, removedBy: by.userId, removedReason: by.reason })
    .where('source', '=', 'decision')
    .where('sourceRef', '=', sourceRef)
    .where('removedAt', 'is', null)
    .returning(['id', 'personId', 'unitId'])
    .execute();
}
