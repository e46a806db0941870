import { sql } from 'kysely';
import type { Executor } from '../../platform/db';
import type { DossierDocument } from '../../../shared/dossiers';

/**
 * Which dossier documents exist for each nomination (decision 045), for the dossier checklist
 * of the nominations module: `report` when its proposer has written a part of its report of
 * achievements; `request` and `list` when its unit has opened the tờ trình of its plan's round
 * (the list goes with the tờ trình). Reads the nomination's plan, round and unit by join, as
 * other modules read people and units.
 */
export async function dossierDocumentsPresent(
  db: Executor,
  nominationIds: readonly number[],
): Promise<Map<number, DossierDocument[]>> {
  const out = new Map<number, DossierDocument[]>(nominationIds.map((id) => [id, []]));
  if (nominationIds.length === 0) return out;
  const { rows } = await sql<{ id: number; report: boolean; request: boolean }>`
    SELECT n.id,
      EXISTS (SELECT 1 FROM dossier_text t WHERE t.nomination_id = n.id) AS report,
      EXISTS (SELECT 1 FROM dossier_request r
              WHERE r.plan_id = n.plan_id AND r.round = n.round
                AND r.proposing_unit_id = n.proposing_unit_id) AS request
    FROM nomination n
    WHERE n.id = ANY(${[...nominationIds]}::int[])`.execute(db);
  for (const r of rows)
    out.set(r.id, [
      ...(r.report ? (['report'] as const) : []),
      ...(r.request ? (['request', 'list'] as const) : []),
    ]);
  return out;
}
