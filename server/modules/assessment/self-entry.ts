import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import type { Executor } from '../../platform/db';
import type { LeafInput } from '../criteria/index';
import { writeEntry } from './entry.queries';

/** What the audit keeps of a self entry, before and after a write. */
export type SelfEntrySnapshot = {
  nodeId: string;
  input: unknown;
  points: number | null;
  note: string | null;
};

/**
 * The one write of a unit's self entry (score_entry, stage 'self'), shared by saveSelfEntry and
 * the Excel import, through the one entry writer (`writeEntry`): who and when, only if the row
 * is still at `version` (0 = no row yet); CONFLICT otherwise. Returns the audit
 * snapshots; the caller records the audit event (one per leaf, or one per import).
 */
export async function writeSelfEntry(
  ctx: Ctx,
  trx: Executor,
  sheetId: number,
  nodeId: string,
  value: { input: LeafInput; points: number | null; note: string | null; version: number },
) {
  const { before, version } = await writeEntry(
    trx,
    { sheetId, nodeId, stage: 'self' },
    {
      input: value.input,
      points: value.points,
      note: value.note,
      scoredBy: actorId(ctx.actor),
      scoredAt: ctx.now(),
    },
    value.version,
  );
  const { input, points, note } = value;
  return {
    version,
    before: before && { nodeId, ...before },
    after: { nodeId, input, points, note } satisfies SelfEntrySnapshot,
  };
}
