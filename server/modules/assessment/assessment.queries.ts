import { sql, type RawBuilder, type Updateable } from 'kysely';
import type { ResultsStatus, ScoreSheetStatus, ScoreSheetTable, ScoreStage } from '../../db/schema';
import type { Executor } from '../../platform/db';
import { joinPlanEvaluation } from './plan-evaluation.queries';
import { criteriaPublishedAtSql } from '../criteria/index';
import { heldResultsStatus, joinResultsState, resultsPublished } from './results-state.queries';

/** Reads and writes of score sheets; the first parameter is always the executor. */

export type RegistrationForSheet = {
  id: number;
  planId: number;
  kind: 'collective' | 'individual';
  status: string;
  unitId: number;
  provinceId: number | null;
  unitPath: string;
  planUnitPath: string;
  criteriaVersionId: number | null;
};

export async function findRegistrationForSheet(
  db: Executor,
  registrationId: number,
): Promise<RegistrationForSheet | undefined> {
  const { rows } = await sql<RegistrationForSheet>`
    SELECT r.id, r.plan_id AS "planId", r.kind, r.status, r.unit_id AS "unitId",
      r.province_id AS "provinceId", u.path::text AS "unitPath", pu.path::text AS "planUnitPath",
      pe.criteria_version_id AS "criteriaVersionId"
    FROM registration r JOIN org_unit u ON u.id = r.unit_id
      JOIN campaign_plan p ON p.id = r.plan_id JOIN org_unit pu ON pu.id = p.issuing_unit_id
      ${joinPlanEvaluation(sql.ref('p.id'))}
    WHERE r.id = ${registrationId}`.execute(db);
  return rows[0];
}

export type SheetRecord = {
  id: number;
  planId: number;
  planTitle: string;
  registrationId: number;
  unitId: number;
  /** The unit's display name (with its parents' where another unit bears its name). */
  unitName: string;
  unitPath: string;
  /** The plan's issuing unit (its officers review, its council appraises). */
  planUnitId: number;
  planUnitPath: string;
  criteriaVersionId: number;
  status: ScoreSheetStatus;
  submittedAt: Date | null;
  returnedReason: string | null;
  assessmentDeadline: string | null;
  version: number;
  updatedAt: Date;
  /** The plan's results are published: every write on the sheet is refused (results-lock.ts). */
  resultsPublished: boolean;
  /** The open or last request for explanation: its leaves ([] = the whole sheet) and time. */
  explanationNodeIds: string[];
  explanationRequestedAt: Date | null;
  explanationReason: string | null;
  /** When the unit sent its explanation; when the appraisal was closed. */
  explainedAt: Date | null;
  appraisedAt: Date | null;
};

/**
 * A sheet with what authorisation and the rules need; `lock` takes the sheet row FOR UPDATE or
 * FOR SHARE (the plan row is not locked here: writers call assertResultsOpen).
 */
export async function findSheet(
  db: Executor,
  id: number,
  lock: 'update' | 'share' | false = false,
): Promise<SheetRecord | undefined> {
  const { rows } = await sheetQuery<SheetRecord>(db, id, lock, sql``);
  return rows[0];
}

/** What a writer reads with the sheet, in the same statement (`findSheetToWrite`). */
export type SheetToWrite = SheetRecord & {
  /**
   * The plan's results status, its results_state row now held FOR SHARE until commit (see
   * `assertHeldResultsOpen`); null when the plan has no row yet (nothing held).
   */
  heldResultsStatus: ResultsStatus | null;
  /** When the sheet's criteria version was published (null: a draft): for the tree cache. */
  criteriaPublishedAt: Date | null;
};

/**
 * `findSheet` for a writer, in one round trip: the sheet row locked (`lock`), the plan's
 * results_state row held FOR SHARE, and the criteria version's publication time.
 */
export async function findSheetToWrite(
  db: Executor,
  id: number,
  lock: 'update' | 'share',
): Promise<SheetToWrite | undefined> {
  const { rows } = await sheetQuery<SheetToWrite>(
    db,
    id,
    lock,
    sql`, ${heldResultsStatus(sql.ref('s.plan_id'))} AS "heldResultsStatus",
      ${criteriaPublishedAtSql(sql.ref('s.criteria_version_id'))} AS "criteriaPublishedAt"`,
  );
  return rows[0];
}

function sheetQuery<T>(
  db: Executor,
  id: number,
  lock: 'update' | 'share' | false,
  more: RawBuilder<unknown>,
) {
  const locking =
    lock === 'update' ? sql`FOR UPDATE OF s` : lock === 'share' ? sql`FOR SHARE OF s` : sql``;
  return sql<T>`
    SELECT s.id, s.plan_id AS "planId", p.title AS "planTitle",
      s.registration_id AS "registrationId", s.unit_id AS "unitId", u.display_name AS "unitName",
      u.path::text AS "unitPath", p.issuing_unit_id AS "planUnitId", pu.path::text AS "planUnitPath",
      s.criteria_version_id AS "criteriaVersionId", s.status, s.submitted_at AS "submittedAt",
      s.returned_reason AS "returnedReason", pe.assessment_deadline AS "assessmentDeadline",
      s.version, s.updated_at AS "updatedAt",
      ${resultsPublished} AS "resultsPublished",
      s.explanation_node_ids AS "explanationNodeIds",
      s.explanation_requested_at AS "explanationRequestedAt",
      s.explanation_reason AS "explanationReason", s.explained_at AS "explainedAt",
      s.appraised_at AS "appraisedAt" ${more}
    FROM score_sheet s JOIN org_unit u ON u.id = s.unit_id
      JOIN campaign_plan p ON p.id = s.plan_id JOIN org_unit pu ON pu.id = p.issuing_unit_id
      ${joinPlanEvaluation(sql.ref('p.id'))} ${joinResultsState(sql.ref('p.id'))}
    WHERE s.id = ${id} ${locking}`.execute(db);
}

export type EntryRecord = {
  nodeId: string;
  stage: ScoreStage;
  input: unknown;
  points: number | null;
  note: string | null;
  scoredBy: number | null;
  scoredByName: string | null;
  scoredAt: Date;
  version: number;
};

export async function listEntries(db: Executor, sheetId: number): Promise<EntryRecord[]> {
  const { rows } = await sql<EntryRecord>`
    SELECT e.node_id AS "nodeId", e.stage, e.input, e.points, e.note, e.scored_by AS "scoredBy",
      a.display_name AS "scoredByName", e.scored_at AS "scoredAt", e.version
    FROM score_entry e LEFT JOIN user_account a ON a.id = e.scored_by
    WHERE e.sheet_id = ${sheetId} ORDER BY e.node_id, e.stage`.execute(db);
  return rows;
}

export type EvidenceRecord = {
  id: number;
  nodeId: string;
  fileId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  storageKey: string;
  uploadedByName: string | null;
  uploadedAt: Date;
};

export async function listEvidence(db: Executor, sheetId: number): Promise<EvidenceRecord[]> {
  const { rows } = await sql<EvidenceRecord>`
    SELECT v.id, v.node_id AS "nodeId", v.file_id AS "fileId", f.original_name AS "fileName",
      f.content_type AS "contentType", f.size_bytes AS "sizeBytes", f.storage_key AS "storageKey",
      a.display_name AS "uploadedByName", v.uploaded_at AS "uploadedAt"
    FROM score_evidence v JOIN stored_file f ON f.id = v.file_id
      LEFT JOIN user_account a ON a.id = v.uploaded_by
    WHERE v.sheet_id = ${sheetId} ORDER BY v.node_id, v.id`.execute(db);
  return rows;
}

/** The columns a sheet's steps record besides its status and version (see transitionSheet). */
export type SheetChanges = Pick<
  Updateable<ScoreSheetTable>,
  | 'submittedAt'
  | 'submittedBy'
  | 'returnedReason'
  | 'explanationReason'
  | 'explanationNodeIds'
  | 'explanationRequestedAt'
  | 'explanationRequestedBy'
  | 'explainedAt'
  | 'appraisedAt'
  | 'appraisedBy'
>;

/** Writes a sheet's columns (status only through transitionSheet). */
export async function updateSheet(
  db: Executor,
  id: number,
  changes: SheetChanges & { status?: ScoreSheetStatus; version: number },
  at: Date,
): Promise<void> {
  await db
    .updateTable('scoreSheet')
    .set({ ...changes, updatedAt: at })
    .where('id', '=', id)
    .execute();
}

/** Bumps a sheet's version after a change of its entries that does not move its status. */
export async function touchSheet(db: Executor, id: number, version: number, at: Date) {
  await updateSheet(db, id, { version }, at);
}

export async function findSheetIdOfRegistration(db: Executor, registrationId: number) {
  const row = await db
    .selectFrom('scoreSheet')
    .select('id')
    .where('registrationId', '=', registrationId)
    .executeTakeFirst();
  return row?.id;
}

export async function getSheetIdOfRegistration(db: Executor, registrationId: number) {
  const row = await db
    .selectFrom('scoreSheet')
    .select('id')
    .where('registrationId', '=', registrationId)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A new sheet, or undefined when the registration already has one (a concurrent opening). */
export async function insertSheet(
  db: Executor,
  values: {
    planId: number;
    registrationId: number;
    unitId: number;
    provinceId: number | null;
    criteriaVersionId: number;
  },
  at: Date,
) {
  return db
    .insertInto('scoreSheet')
    .values({ ...values, createdAt: at, updatedAt: at })
    .onConflict((oc) => oc.constraint('score_sheet_registration').doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function countEvidence(db: Executor, sheetId: number, nodeId: string) {
  const row = await db
    .selectFrom('scoreEvidence')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sheetId', '=', sheetId)
    .where('nodeId', '=', nodeId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertEvidence(
  db: Executor,
  values: {
    sheetId: number;
    nodeId: string;
    fileId: string;
    uploadedBy: number | null;
    uploadedAt: Date;
  },
) {
  return db.insertInto('scoreEvidence').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function findEvidenceUpload(db: Executor, sheetId: number, evidenceId: number) {
  return db
    .selectFrom('scoreEvidence')
    .select('uploadedAt')
    .where('id', '=', evidenceId)
    .where('sheetId', '=', sheetId)
    .executeTakeFirst();
}

export async function deleteEvidence(db: Executor, sheetId: number, evidenceId: number) {
  return db
    .deleteFrom('scoreEvidence')
    .where('id', '=', evidenceId)
    .where('sheetId', '=', sheetId)
    .returning(['nodeId', 'fileId'])
    .executeTakeFirst();
}
