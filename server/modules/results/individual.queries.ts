import { sql, type Updateable } from 'kysely';
import type { IndividualCheckTable } from '../../db/schema';
import type { Executor } from '../../platform/db';
import type { UnitBand } from './individual.rules';

/**
 * SQL of the individual criteria checklist (individual.service.ts): its rows (individual_check),
 * their evidence files, and the unit's classification. The registration is read with its unit and
 * person in one query (registration, org_unit and person belong to other modules): the checklist
 * needs the three together on every request, and no module's index offers that row.
 */

export type RegRef = {
  id: number;
  planId: number;
  kind: 'collective' | 'individual';
  status: string;
  unitId: number;
  unitPath: string;
  unitName: string;
  personId: number | null;
  personName: string | null;
};

/** A registration with its unit's path and name and its person's name, or undefined. */
export async function findRegistrationRef(
  db: Executor,
  registrationId: number,
): Promise<RegRef | undefined> {
  const { rows } = await sql<RegRef>`
    SELECT r.id, r.plan_id AS "planId", r.kind, r.status, r.unit_id AS "unitId",
      u.path::text AS "unitPath", u.display_name AS "unitName", r.person_id AS "personId",
      p.full_name AS "personName"
    FROM registration r JOIN org_unit u ON u.id = r.unit_id LEFT JOIN person p ON p.id = r.person_id
    WHERE r.id = ${registrationId}`.execute(db);
  return rows[0];
}

/** Inserts the unconfirmed rows of a checklist, one per text; existing indexes are kept. */
export async function insertChecklistRows(
  db: Executor,
  registrationId: number,
  texts: readonly string[],
  now: Date,
) {
  await db
    .insertInto('individualCheck')
    .values(
      texts.map((itemText, itemIndex) => ({
        registrationId,
        itemIndex,
        itemText,
        met: null,
        note: null,
        evidenceFileId: null,
        confirmedBy: null,
        confirmedAt: null,
        createdAt: now,
      })),
    )
    .onConflict((oc) => oc.columns(['registrationId', 'itemIndex']).doNothing())
    .execute();
}

export type ItemRow = {
  index: number;
  text: string;
  met: boolean | null;
  note: string | null;
  version: number;
  confirmedAt: Date | null;
  confirmedById: number | null;
  confirmedByName: string | null;
  fileId: string | null;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: string | number | null;
};

/** A checklist's items in order, with who confirmed each and its evidence file. */
export async function listChecklistItems(db: Executor, registrationId: number) {
  const { rows } = await sql<ItemRow>`
    SELECT c.item_index AS index, c.item_text AS text, c.met, c.note, c.version,
      c.confirmed_at AS "confirmedAt", c.confirmed_by AS "confirmedById",
      a.display_name AS "confirmedByName", f.id AS "fileId", f.original_name AS "fileName",
      f.content_type AS "contentType", f.size_bytes AS "sizeBytes"
    FROM individual_check c LEFT JOIN user_account a ON a.id = c.confirmed_by
      LEFT JOIN stored_file f ON f.id = c.evidence_file_id
    WHERE c.registration_id = ${registrationId} ORDER BY c.item_index`.execute(db);
  return rows;
}

/** The result of the unit at `unitPath` in the plan, else of its nearest ancestor; or null. */
export async function findUnitBand(
  db: Executor,
  planId: number,
  unitPath: string,
): Promise<UnitBand | null> {
  const { rows } = await sql<UnitBand>`
    SELECT r.unit_id AS "unitId", u.display_name AS "unitName", r.band_key AS "bandKey",
      r.band_label AS "bandLabel"
    FROM evaluation_result r JOIN org_unit u ON u.id = r.unit_id
    WHERE r.plan_id = ${planId} AND u.path @> ${unitPath}::ltree
    ORDER BY nlevel(u.path) DESC, r.rank LIMIT 1`.execute(db);
  return rows[0] ?? null;
}

/** One checklist item, locked FOR UPDATE; undefined when there is none. */
export async function lockChecklistItem(trx: Executor, registrationId: number, index: number) {
  return trx
    .selectFrom('individualCheck')
    .selectAll()
    .where('registrationId', '=', registrationId)
    .where('itemIndex', '=', index)
    .forUpdate()
    .executeTakeFirst();
}

/** Writes one checklist item's columns. */
export async function updateChecklistItem(
  trx: Executor,
  registrationId: number,
  index: number,
  changes: Updateable<IndividualCheckTable>,
) {
  await trx
    .updateTable('individualCheck')
    .set(changes)
    .where('registrationId', '=', registrationId)
    .where('itemIndex', '=', index)
    .execute();
}

/** The stored file attached to one checklist item, or undefined. */
export async function findItemEvidenceFile(db: Executor, registrationId: number, index: number) {
  return db
    .selectFrom('individualCheck as c')
    .innerJoin('storedFile as f', 'f.id', 'c.evidenceFileId')
    .select(['f.storageKey', 'f.originalName', 'f.contentType'])
    .where('c.registrationId', '=', registrationId)
    .where('c.itemIndex', '=', index)
    .executeTakeFirst();
}
