import type { Executor } from '../../platform/db';
import type { NominationRound } from '../../../shared/nominations';

/**
 * Dossiers' own tables: `dossier_request` (a tờ trình of a unit for a plan's round) and
 * `dossier_text` (the free-text parts of a report or a tờ trình). Nominations, plans, people and
 * units are read through their modules' index.
 */

/** Whose parts: a nomination's report, or a tờ trình. */
export type Owner = { nominationId: number } | { requestId: number };
const kindOf = (o: Owner) => ('nominationId' in o ? 'report' : 'request');

export type TextRow = { partKey: string; text: string; version: number; updatedAt: Date };

export function listTexts(db: Executor, owner: Owner): Promise<TextRow[]> {
  let query = db
    .selectFrom('dossierText')
    .select(['partKey', 'text', 'version', 'updatedAt'])
    .where('documentKind', '=', kindOf(owner));
  query =
    'nominationId' in owner
      ? query.where('nominationId', '=', owner.nominationId)
      : query.where('requestId', '=', owner.requestId);
  return query.orderBy('partKey').execute();
}

/**
 * Saves a part when `version` is its current one (0: never saved). False when another edit
 * came first (the caller reports a stale version).
 */
export async function saveText(
  db: Executor,
  owner: Owner,
  part: { key: string; text: string; version: number },
  by: { userId: number | null; at: Date },
): Promise<boolean> {
  if (part.version === 0) {
    const row = await db
      .insertInto('dossierText')
      .values({
        nominationId: 'nominationId' in owner ? owner.nominationId : null,
        requestId: 'requestId' in owner ? owner.requestId : null,
        documentKind: kindOf(owner),
        partKey: part.key,
        text: part.text,
        updatedBy: by.userId,
        updatedAt: by.at,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }
  let query = db
    .updateTable('dossierText')
    .set((eb) => ({
      text: part.text,
      version: eb('version', '+', 1),
      updatedBy: by.userId,
      updatedAt: by.at,
    }))
    .where('documentKind', '=', kindOf(owner))
    .where('partKey', '=', part.key)
    .where('version', '=', part.version);
  query =
    'nominationId' in owner
      ? query.where('nominationId', '=', owner.nominationId)
      : query.where('requestId', '=', owner.requestId);
  const r = await query.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export type RequestRow = {
  id: number;
  planId: number;
  round: NominationRound;
  proposingUnitId: number;
};

export function findRequest(db: Executor, id: number): Promise<RequestRow | undefined> {
  return db
    .selectFrom('dossierRequest')
    .select(['id', 'planId', 'round', 'proposingUnitId'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The tờ trình of a unit for a plan's round, made on first call. */
export async function openRequest(
  db: Executor,
  key: { planId: number; round: NominationRound; proposingUnitId: number },
  by: { userId: number | null; at: Date },
): Promise<{ row: RequestRow; created: boolean }> {
  const inserted = await db
    .insertInto('dossierRequest')
    .values({ ...key, createdBy: by.userId, createdAt: by.at })
    .onConflict((oc) => oc.constraint('dossier_request_once').doNothing())
    .returning(['id', 'planId', 'round', 'proposingUnitId'])
    .executeTakeFirst();
  if (inserted !== undefined) return { row: inserted, created: true };
  const row = await db
    .selectFrom('dossierRequest')
    .select(['id', 'planId', 'round', 'proposingUnitId'])
    .where('planId', '=', key.planId)
    .where('round', '=', key.round)
    .where('proposingUnitId', '=', key.proposingUnitId)
    .executeTakeFirstOrThrow();
  return { row, created: false };
}

/** Request ids of (plan, round, unit) keys — which tờ trình exist. */
export function requestsOfUnits(db: Executor, planIds: number[]) {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('dossierRequest')
    .select(['id', 'planId', 'round', 'proposingUnitId'])
    .where('planId', 'in', planIds)
    .execute();
}
