import { sql } from 'kysely';
import { pathInScope, type Scope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import type { DecisionDecider, DecisionStatus, ReplaceKind } from '../../../shared/award-decisions';

/**
 * Award decisions (tables award_decision, award_decision_row, golden_book_series). Units are read
 * by join for names and the paths that scope them; this module writes only its own tables.
 */

export type DecisionRecord = {
  id: number;
  unitId: number;
  unitName: string;
  unitKind: string;
  unitPath: string;
  parentName: string | null;
  parentKind: string | null;
  decider: DecisionDecider;
  planId: number | null;
  title: string;
  legalBases: string[];
  fundingSource: string;
  signerName: string;
  signerTitle: string;
  decisionDate: string;
  status: DecisionStatus;
  registerEntryId: number | null;
  documentNumber: string | null;
  replacesId: number | null;
  replaceKind: ReplaceKind | null;
  reason: string | null;
  version: number;
  rowCount: number;
  totalAmount: number;
};

const columns = sql`
  d.id, d.unit_id AS "unitId", u.name AS "unitName", u.kind AS "unitKind",
  u.path::text AS "unitPath", pu.name AS "parentName", pu.kind AS "parentKind",
  d.decider, d.plan_id AS "planId", d.title, d.legal_bases AS "legalBases",
  d.funding_source AS "fundingSource", d.signer_name AS "signerName",
  d.signer_title AS "signerTitle", d.decision_date::text AS "decisionDate", d.status,
  d.register_entry_id AS "registerEntryId", d.document_number AS "documentNumber",
  d.replaces_id AS "replacesId", d.replace_kind AS "replaceKind", d.reason, d.version,
  (SELECT count(*)::int FROM award_decision_row r WHERE r.decision_id = d.id) AS "rowCount",
  (SELECT coalesce(sum(r.amount), 0)::bigint FROM award_decision_row r WHERE r.decision_id = d.id)
    AS "totalAmount"`;

const from = sql`award_decision d JOIN org_unit u ON u.id = d.unit_id
  LEFT JOIN org_unit pu ON pu.id = u.parent_id`;

function parse(r: DecisionRecord): DecisionRecord {
  return { ...r, totalAmount: Number(r.totalAmount) };
}

export async function findDecision(
  db: Executor,
  id: number,
  forUpdate = false,
): Promise<DecisionRecord | undefined> {
  const { rows } = await sql<DecisionRecord>`
    SELECT ${columns} FROM ${from} WHERE d.id = ${id}
    ${forUpdate ? sql`FOR UPDATE OF d` : sql``}`.execute(db);
  return rows[0] && parse(rows[0]);
}

/** Decisions of the units within the scope (in SQL), newest first. */
export async function listDecisions(
  db: Executor,
  filter: { scope: Scope; unitId?: number; status?: DecisionStatus },
): Promise<DecisionRecord[]> {
  const { rows } = await sql<DecisionRecord>`
    SELECT ${columns} FROM ${from}
    WHERE ${pathInScope(filter.scope, sql<string>`u.path`)}
      ${filter.unitId === undefined ? sql`` : sql`AND d.unit_id = ${filter.unitId}`}
      ${filter.status === undefined ? sql`` : sql`AND d.status = ${filter.status}`}
    ORDER BY d.decision_date DESC, d.id DESC
    LIMIT 500`.execute(db);
  return rows.map(parse);
}

/** The decision that replaces this one and is issued, if any. */
export async function findIssuedReplacement(db: Executor, id: number) {
  return db
    .selectFrom('awardDecision')
    .select(['id', 'status'])
    .where('replacesId', '=', id)
    .where('status', '=', 'issued')
    .executeTakeFirst();
}

export type NewDecision = {
  unitId: number;
  decider: DecisionDecider;
  planId: number | null;
  title: string;
  legalBases: string[];
  fundingSource: string;
  signerName: string;
  signerTitle: string;
  decisionDate: string;
  replacesId: number | null;
  replaceKind: ReplaceKind | null;
  reason: string | null;
  createdBy: number | null;
  createdAt: Date;
};

export async function insertDecision(db: Executor, row: NewDecision): Promise<number> {
  const { id } = await db
    .insertInto('awardDecision')
    .values({ ...row, legalBases: JSON.stringify(row.legalBases), updatedAt: row.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export type DecisionChange = Partial<{
  decider: DecisionDecider;
  title: string;
  legalBases: string[];
  fundingSource: string;
  signerName: string;
  signerTitle: string;
  decisionDate: string;
  status: DecisionStatus;
  registerEntryId: number;
  documentNumber: string;
  issuedAt: Date;
  issuedBy: number | null;
}>;

/** Updates a decision at its version (bumped); false when the version moved on. */
export async function updateDecision(
  db: Executor,
  id: number,
  version: number,
  change: DecisionChange,
  at: Date,
): Promise<boolean> {
  const { legalBases, ...rest } = change;
  const result = await db
    .updateTable('awardDecision')
    .set({
      ...rest,
      ...(legalBases === undefined ? {} : { legalBases: JSON.stringify(legalBases) }),
      updatedAt: at,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteDecision(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('awardDecision').where('id', '=', id).execute();
}

export type RowRecord = {
  id: number;
  position: number;
  personId: number | null;
  unitId: number | null;
  name: string;
  positionText: string;
  achievement: string;
  formVersionId: number;
  formCode: string;
  formName: string;
  fixedAmount: number | null;
  amount: number;
  amountExplanation: string;
  goldenBookNumber: number | null;
  nominationId: number | null;
};

export async function listRows(db: Executor, decisionId: number): Promise<RowRecord[]> {
  return db
    .selectFrom('awardDecisionRow')
    .select([
      'id',
      'position',
      'personId',
      'unitId',
      'name',
      'positionText',
      'achievement',
      'formVersionId',
      'formCode',
      'formName',
      'fixedAmount',
      'amount',
      'amountExplanation',
      'goldenBookNumber',
      'nominationId',
    ])
    .where('decisionId', '=', decisionId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export type NewRow = Omit<RowRecord, 'id' | 'goldenBookNumber'>;

export async function insertRows(db: Executor, decisionId: number, rows: readonly NewRow[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('awardDecisionRow')
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r, decisionId })))
      .execute();
  }
}

export async function deleteRows(db: Executor, decisionId: number, rowIds: readonly number[]) {
  const r = await db
    .deleteFrom('awardDecisionRow')
    .where('decisionId', '=', decisionId)
    .where('id', 'in', rowIds)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Sets the quoted amount (and form snapshot) of each row. */
export async function setRowQuotes(
  db: Executor,
  quotes: readonly {
    id: number;
    formVersionId: number;
    formCode: string;
    formName: string;
    amount: number;
    amountExplanation: string;
  }[],
) {
  for (const q of quotes) {
    const { id, ...set } = q;
    await db.updateTable('awardDecisionRow').set(set).where('id', '=', id).execute();
  }
}

/** The largest position of a decision's rows (0 when none). */
export async function lastPosition(db: Executor, decisionId: number): Promise<number> {
  const row = await db
    .selectFrom('awardDecisionRow')
    .select(sql<number>`coalesce(max(position), 0)::int`.as('max'))
    .where('decisionId', '=', decisionId)
    .executeTakeFirstOrThrow();
  return row.max;
}

/**
 * Takes `count` consecutive golden-book numbers of a unit: the series row is created or raised
 * under its row lock (held until the caller's transaction ends), so concurrent issues of the same
 * unit wait and never share a number. Returns the first number.
 */
export async function takeGoldenBookNumbers(
  db: Executor,
  unitId: number,
  count: number,
): Promise<number> {
  const row = await db
    .insertInto('goldenBookSeries')
    .values({ unitId, lastNumber: count })
    .onConflict((oc) =>
      oc
        .column('unitId')
        .doUpdateSet({ lastNumber: sql`golden_book_series.last_number + ${count}` }),
    )
    .returning('lastNumber')
    .executeTakeFirstOrThrow();
  return row.lastNumber - count + 1;
}

/** Numbers the rows in annex order from `first`, in one statement. */
export async function setGoldenBookNumbers(db: Executor, decisionId: number, first: number) {
  await sql`
    UPDATE award_decision_row r SET golden_book_number = o.n
    FROM (
      SELECT id, ${first}::int - 1 + row_number() OVER (ORDER BY position, id) AS n
      FROM award_decision_row WHERE decision_id = ${decisionId}
    ) o
    WHERE r.id = o.id`.execute(db);
}

/** The subjects' names and positions for rows added by hand: people with their unit, units. */
export async function subjectTexts(
  db: Executor,
  personIds: readonly number[],
  unitIds: readonly number[],
) {
  const people =
    personIds.length === 0
      ? []
      : await db
          .selectFrom('person as p')
          .innerJoin('orgUnit as u', 'u.id', 'p.unitId')
          .select([
            'p.id',
            'p.fullName as name',
            'p.position',
            'u.displayName as unitName',
            sql<string>`u.path::text`.as('path'),
          ])
          .where('p.id', 'in', personIds)
          .execute();
  const units =
    unitIds.length === 0
      ? []
      : await db
          .selectFrom('orgUnit as u')
          .leftJoin('orgUnit as pu', 'pu.id', 'u.parentId')
          .select([
            'u.id',
            'u.displayName as name',
            'pu.displayName as parentName',
            sql<string>`u.path::text`.as('path'),
          ])
          .where('u.id', 'in', unitIds)
          .execute();
  return { people, units };
}

/**
 * Of these nominations, the ones on another issued decision (other than `replacedId`, which the
 * decision corrects), and on this decision too when `includeSelf`.
 */
export async function nominationsDecided(
  db: Executor,
  decisionId: number,
  nominationIds: readonly number[],
  o: { includeSelf: boolean; replacedId: number | null },
): Promise<number[]> {
  if (nominationIds.length === 0) return [];
  const rows = await db
    .selectFrom('awardDecisionRow as r')
    .innerJoin('awardDecision as d', 'd.id', 'r.decisionId')
    .select('r.nominationId')
    .where('r.nominationId', 'in', nominationIds)
    .where((eb) =>
      eb.or([
        ...(o.includeSelf ? [eb('d.id', '=', decisionId)] : []),
        eb.and([
          eb('d.id', '<>', decisionId),
          eb('d.id', '<>', o.replacedId ?? 0),
          eb('d.status', '=', 'issued'),
        ]),
      ]),
    )
    .execute();
  return rows.flatMap((r) => (r.nominationId === null ? [] : [r.nominationId]));
}
