import { sql, type SqlBool } from 'kysely';
import type { ScoreStage } from '../../db/schema';
import type { Actor } from '../../platform/context';
import type { Executor } from '../../platform/db';
import { staleVersion } from '../../platform/errors';
import type { LeafInput } from '../criteria/index';

/**
 * Score entries (score_entry): the ONE entry writer, and who acted on which side of a sheet (the
 * conflict-of-interest predicates the self-assessment, the work list and the appraisal share).
 */

/**
 * SQL over a score_sheet aliased `s`: the user did the unit's side of that sheet — submitted it,
 * scored or explained one of its leaves, or attached evidence to it. Such a user may not appraise
 * the sheet (appraisal module); the work list uses the same predicate.
 */
export const actedForUnitSql = (userId: number) => sql<SqlBool>`(s.submitted_by = ${userId}
  OR EXISTS (SELECT 1 FROM score_entry ae WHERE ae.sheet_id = s.id
    AND ae.stage IN ('self', 'explanation') AND ae.scored_by = ${userId})
  OR EXISTS (SELECT 1 FROM score_evidence av WHERE av.sheet_id = s.id AND av.uploaded_by = ${userId}))`;

/** Whether the actor did the unit's side of the sheet (see `actedForUnitSql`). */
export async function hasActedForUnit(db: Executor, sheetId: number, actor: Actor) {
  if (actor.kind !== 'user') return false;
  const { rows } = await sql<{ acted: boolean }>`
    SELECT ${actedForUnitSql(actor.userId)} AS acted FROM score_sheet s WHERE s.id = ${sheetId}`.execute(
    db,
  );
  return rows[0]?.acted === true;
}

/**
 * SQL over a score_sheet aliased `s`: the user did the appraisers' side of that sheet — scored a
 * leaf in appraisal round 1 or 2 (an accepted self-score included) or asked for the explanation.
 * Such a user may not answer or send the explanation for the unit, nor add evidence to it then.
 */
export const appraisedSheetSql = (
  userId: number,
) => sql<SqlBool>`(s.explanation_requested_by = ${userId}
  OR EXISTS (SELECT 1 FROM score_entry pe WHERE pe.sheet_id = s.id
    AND pe.stage IN ('appraisal1', 'appraisal2') AND pe.scored_by = ${userId}))`;

/** Which sides of the sheet the actor has already acted on (one query; false for non-users). */
export async function sidesActed(
  db: Executor,
  sheetId: number,
  actor: Actor,
): Promise<{ actedForUnit: boolean; appraisedSheet: boolean }> {
  if (actor.kind !== 'user') return { actedForUnit: false, appraisedSheet: false };
  const { rows } = await sql<{ actedForUnit: boolean; appraisedSheet: boolean }>`
    SELECT ${actedForUnitSql(actor.userId)} AS "actedForUnit",
      ${appraisedSheetSql(actor.userId)} AS "appraisedSheet"
    FROM score_sheet s WHERE s.id = ${sheetId}`.execute(db);
  return {
    actedForUnit: rows[0]?.actedForUnit === true,
    appraisedSheet: rows[0]?.appraisedSheet === true,
  };
}

/** Whether the actor did the appraisers' side of the sheet (see `appraisedSheetSql`). */
export async function hasAppraisedSheet(db: Executor, sheetId: number, actor: Actor) {
  return (await sidesActed(db, sheetId, actor)).appraisedSheet;
}

export type EntryWrite = {
  input: LeafInput;
  points: number | null;
  note: string | null;
  scoredBy: number | null;
  scoredAt: Date;
};
export type EntryBefore = { input: unknown; points: number | null; note: string | null };

/**
 * How a write meets an existing entry of the same sheet, leaf and stage:
 * - a number: optimistic concurrency — the version the user edited (0 = there was none);
 *   CONFLICT when someone else wrote it in between, so two people scoring the same leaf never
 *   overwrite each other silently;
 * - 'if_absent': only a missing entry is written (accepting self-scores, carrying round 1 over);
 *   an existing one is left as it is (`written: false`);
 * - 'overwrite': the entry is replaced whatever its version (a survey import replaces the last).
 */
export type EntryExpectation = number | 'if_absent' | 'overwrite';

/**
 * The ONE writer of score_entry (self, appraisal rounds, survey, explanation): inserts or
 * updates one entry, bumping its version. `before` is the previous entry under optimistic
 * concurrency (undefined for the other two modes, whose callers need no audit of it).
 */
export async function writeEntry(
  trx: Executor,
  key: { sheetId: number; nodeId: string; stage: ScoreStage },
  row: EntryWrite,
  expected: EntryExpectation,
): Promise<{ before: EntryBefore | undefined; version: number; written: boolean }> {
  const { sheetId, nodeId, stage } = key;
  const values = { ...row, input: JSON.stringify(row.input) };
  if (expected === 'if_absent') {
    const saved = await trx
      .insertInto('scoreEntry')
      .values({ ...key, ...values })
      .onConflict((oc) => oc.columns(['sheetId', 'nodeId', 'stage']).doNothing())
      .returning('version')
      .executeTakeFirst();
    return { before: undefined, version: saved?.version ?? 0, written: saved !== undefined };
  }
  if (expected === 'overwrite') {
    const saved = await trx
      .insertInto('scoreEntry')
      .values({ ...key, ...values })
      .onConflict((oc) =>
        oc.columns(['sheetId', 'nodeId', 'stage']).doUpdateSet((eb) => ({
          input: eb.ref('excluded.input'),
          points: eb.ref('excluded.points'),
          note: eb.ref('excluded.note'),
          scoredBy: eb.ref('excluded.scoredBy'),
          scoredAt: eb.ref('excluded.scoredAt'),
          version: sql<number>`score_entry.version + 1`,
        })),
      )
      .returning('version')
      .executeTakeFirstOrThrow();
    return { before: undefined, version: saved.version, written: true };
  }
  // Optimistic concurrency in one statement: the entry as it was (for the audit) and the write —
  // an insert when the user edited nothing yet (0: a row that appeared meanwhile makes it a no-op),
  // else an update only if the row is still at the version the user edited. All in one snapshot:
  // if the update matched, the row read is the one it replaced.
  const write =
    expected === 0
      ? trx
          .insertInto('scoreEntry')
          .values({ ...key, ...values })
          .onConflict((oc) => oc.columns(['sheetId', 'nodeId', 'stage']).doNothing())
          .returning('version')
      : trx
          .updateTable('scoreEntry')
          .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
          .where('sheetId', '=', sheetId)
          .where('nodeId', '=', nodeId)
          .where('stage', '=', stage)
          .where('version', '=', expected)
          .returning('version');
  const old = trx
    .selectFrom('scoreEntry')
    .select(['input', 'points', 'note'])
    .where('sheetId', '=', sheetId)
    .where('nodeId', '=', nodeId)
    .where('stage', '=', stage);
  const { rows } = await sql<{
    input: unknown;
    points: number | null;
    note: string | null;
    found: boolean;
    version: number | null;
  }>`WITH old AS (${old}), written AS (${write})
    SELECT old.input, old.points, old.note, old.input IS NOT NULL AS found, written.version
    FROM (SELECT 1) one LEFT JOIN old ON true LEFT JOIN written ON true`.execute(trx);
  const result = rows[0];
  if (result?.version == null) throw staleVersion();
  return {
    before: result.found
      ? { input: result.input, points: result.points, note: result.note }
      : undefined,
    version: result.version,
    written: true,
  };
}

/** Some leaves' entries of one stage of a sheet, as an audit keeps them. */
export async function listStageEntries(
  db: Executor,
  sheetId: number,
  stage: ScoreStage,
  nodeIds: string[],
) {
  if (nodeIds.length === 0) return [];
  return db
    .selectFrom('scoreEntry')
    .select(['nodeId', 'input', 'points'])
    .where('sheetId', '=', sheetId)
    .where('stage', '=', stage)
    .where('nodeId', 'in', nodeIds)
    .execute();
}

/** The points of one leaf's entry of one stage of a sheet (undefined when there is none). */
export async function findEntryPoints(
  db: Executor,
  sheetId: number,
  nodeId: string,
  stage: ScoreStage,
) {
  return db
    .selectFrom('scoreEntry')
    .select('points')
    .where('sheetId', '=', sheetId)
    .where('nodeId', '=', nodeId)
    .where('stage', '=', stage)
    .executeTakeFirst();
}

/** Every entry of one stage of a plan's sheets: sheet, leaf and the raw input. */
export async function listPlanStageInputs(db: Executor, planId: number, stage: ScoreStage) {
  return db
    .selectFrom('scoreEntry')
    .innerJoin('scoreSheet', 'scoreSheet.id', 'scoreEntry.sheetId')
    .select(['scoreEntry.sheetId', 'scoreEntry.nodeId', 'scoreEntry.input'])
    .where('scoreSheet.planId', '=', planId)
    .where('scoreEntry.stage', '=', stage)
    .execute();
}
