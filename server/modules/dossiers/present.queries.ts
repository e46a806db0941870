import { sql } from 'kysely';
import type { Executor } from '../../platform/db';
import type { DossierDocument } from '../../../shared/dossiers';
import { dossierDocumentOfItem } from './dossiers.rules';

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

/**
 * The dossier checklist items of a nomination that a generated document covers (decision 041's
 * hook, `addDossierItemsSource` of nominations, wired in app.ts): an item naming the tờ trình,
 * the report of achievements or the list (`dossierDocumentOfItem`) is present when
 * `dossierDocumentsPresent` has that document for the nomination.
 */
export async function dossierItemsFromDocuments(
  db: Executor,
  nominationId: number,
  items: readonly string[],
): Promise<string[]> {
  const named = items.flatMap((item) => {
    const doc = dossierDocumentOfItem(item);
    return doc === null ? [] : [{ item, doc }];
  });
  if (named.length === 0) return [];
  const docs = (await dossierDocumentsPresent(db, [nominationId])).get(nominationId) ?? [];
  return named.filter((n) => docs.includes(n.doc)).map((n) => n.item);
}
