import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import type { Executor } from '../../platform/db';
import { staleVersion } from '../../platform/errors';
import type { LeafInput } from '../criteria/index';

/** What the audit keeps of a self entry, before and after a write. */
export type SelfEntrySnapshot = {
  nodeId: string;
  input: unknown;
  points: number | null;
  note: string | null;
};

/**
 * The one write of a unit's self entry (score_entry, stage 'self'), shared by saveSelfEntry and
 * the Excel import: inserts or updates the leaf's row with who and when, bumping its version,
 * only if the row is still at `version` (0 = no row yet); CONFLICT otherwise. Returns the audit
 * snapshots; the caller records the audit event (one per leaf, or one per import).
 */
export async function writeSelfEntry(
  ctx: Ctx,
  trx: Executor,
  sheetId: number,
  nodeId: string,
  value: { input: LeafInput; points: number | null; note: string | null; version: number },
) {
  const before = await trx
    .selectFrom('scoreEntry')
    .select(['input', 'points', 'note', 'version'])
    .where('sheetId', '=', sheetId)
    .where('nodeId', '=', nodeId)
    .where('stage', '=', 'self')
    .executeTakeFirst();
  const row = { input: JSON.stringify(value.input), points: value.points, note: value.note };
  const by = { scoredBy: actorId(ctx.actor), scoredAt: ctx.now() };
  const saved =
    before === undefined
      ? await trx
          .insertInto('scoreEntry')
          .values({ sheetId, nodeId, stage: 'self', ...row, ...by })
          .onConflict((oc) => oc.columns(['sheetId', 'nodeId', 'stage']).doNothing())
          .returning('version')
          .executeTakeFirst()
      : await trx
          .updateTable('scoreEntry')
          .set((eb) => ({ ...row, ...by, version: eb('version', '+', 1) }))
          .where('sheetId', '=', sheetId)
          .where('nodeId', '=', nodeId)
          .where('stage', '=', 'self')
          .where('version', '=', value.version)
          .returning('version')
          .executeTakeFirst();
  if (saved === undefined || (before === undefined && value.version !== 0)) throw staleVersion();
  const { input, points, note } = value;
  return {
    version: saved.version,
    before: before && { nodeId, input: before.input, points: before.points, note: before.note },
    after: { nodeId, input, points, note } satisfies SelfEntrySnapshot,
  };
}
