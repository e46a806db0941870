import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db';
import { pathInScope, type Scope } from '../../platform/access';
import type { RegisterStatus, SubjectKind } from '../../../shared/documents';
import type { Series } from './register.rules';

/**
 * Takes the next number of a series. The upsert locks the series row until commit, so concurrent
 * takers queue; the counter never falls behind the highest number in the register (numbers
 * recorded from paper run ahead of it), and the register's unique constraint backs it up.
 */
export async function takeSeriesNumber(db: Executor, s: Series): Promise<number> {
  const { rows } = await sql<{ lastNumber: number }>`
    WITH used AS (
      SELECT coalesce(max(number), 0) AS n FROM document_register_entry
      WHERE unit_id = ${s.unitId} AND year = ${s.year} AND doc_type = ${s.docType}
        AND issuer_symbol = ${s.issuerSymbol}
    )
    INSERT INTO document_series (unit_id, doc_type, issuer_symbol, year, last_number)
    SELECT ${s.unitId}, ${s.docType}, ${s.issuerSymbol}, ${s.year}, used.n + 1 FROM used
    ON CONFLICT (unit_id, doc_type, issuer_symbol, year)
      DO UPDATE SET last_number = greatest(document_series.last_number, excluded.last_number - 1) + 1
    RETURNING last_number AS "lastNumber"`.execute(db);
  const row = rows[0];
  if (row === undefined) throw new Error('document_series upsert returned nothing');
  return row.lastNumber;
}

/** Locks the series row (creating it) and raises its counter to at least `n`. */
export async function raiseSeries(db: Executor, s: Series, n: number): Promise<void> {
  await sql`
    INSERT INTO document_series (unit_id, doc_type, issuer_symbol, year, last_number)
    VALUES (${s.unitId}, ${s.docType}, ${s.issuerSymbol}, ${s.year}, ${n})
    ON CONFLICT (unit_id, doc_type, issuer_symbol, year)
      DO UPDATE SET last_number = greatest(document_series.last_number, excluded.last_number)`.execute(
    db,
  );
}

export type NewEntry = Series & {
  number: number;
  subjectKind: SubjectKind | null;
  subjectId: number | null;
  summary: string | null;
  status: RegisterStatus;
  issuedOn: string | null;
  createdBy: number | null;
  createdAt: Date;
};

export async function insertEntry(db: Executor, e: NewEntry): Promise<{ id: number }> {
  return db.insertInto('documentRegisterEntry').values(e).returning('id').executeTakeFirstOrThrow();
}

export type EntryRecord = Awaited<ReturnType<typeof findEntry>> & object;

/** An entry with its unit's path (for the policy); locked FOR UPDATE when asked. */
export async function findEntry(db: Executor, id: number, lock = false) {
  let query = db
    .selectFrom('documentRegisterEntry as e')
    .innerJoin('orgUnit as u', 'u.id', 'e.unitId')
    .selectAll('e')
    .select([sql<string>`u.path::text`.as('unitPath'), 'u.name as unitName'])
    .where('e.id', '=', id);
  if (lock) query = query.forUpdate('e');
  return query.executeTakeFirst();
}

export async function updateEntryStatus(
  db: Executor,
  id: number,
  change: {
    status: RegisterStatus;
    reason?: string;
    issuedOn?: string;
    cancelledBy?: number | null;
    cancelledAt?: Date;
  },
): Promise<void> {
  await db.updateTable('documentRegisterEntry').set(change).where('id', '=', id).execute();
}

/** The live (not cancelled) entry numbering a subject, if any. */
export async function findSubjectEntry(db: Executor, kind: SubjectKind, subjectId: number) {
  return db
    .selectFrom('documentRegisterEntry')
    .selectAll()
    .where('subjectKind', '=', kind)
    .where('subjectId', '=', subjectId)
    .where('status', '<>', 'cancelled')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The latest date of an issued document in the series, if any. */
export async function latestIssuedOn(db: Executor, s: Series): Promise<string | null> {
  const row = await db
    .selectFrom('documentRegisterEntry')
    .select((eb) => eb.fn.max('issuedOn').as('latest'))
    .where('unitId', '=', s.unitId)
    .where('year', '=', s.year)
    .where('docType', '=', s.docType)
    .where('issuerSymbol', '=', s.issuerSymbol)
    .where('status', '=', 'issued')
    .executeTakeFirst();
  return row?.latest ?? null;
}

export type RegisterRowRecord = {
  id: number | null;
  docType: string;
  issuerSymbol: string;
  number: number;
  status: RegisterStatus | null;
  subjectKind: SubjectKind | null;
  subjectId: number | null;
  summary: string | null;
  issuedOn: string | null;
  reason: string | null;
  cancelledAt: Date | null;
};

export type RegisterFilter = {
  unitId: number;
  year: number;
  docType?: string | undefined;
  /** Folded, LIKE-escaped pattern ("%…%") matched on the summary and the written number. */
  pattern?: string | undefined;
  /** The actor's view (units whose register they may read). */
  scope: Scope;
};

const visibleUnit = (scope: Scope): RawBuilder<SqlBool> => pathInScope(scope, sql<string>`u.path`);

/**
 * The register of a unit and year with its gaps: every number from 1 to each series' highest,
 * with the entry that holds it or none (a gap), in series then number order. Empty when the unit
 * is outside the actor's view. `page` null: every row (the export).
 */
export async function listRegisterRows(
  db: Executor,
  f: RegisterFilter,
  page: { page: number; pageSize: number } | null,
): Promise<{ items: RegisterRowRecord[]; total: number }> {
  const typeFilter = f.docType === undefined ? sql`true` : sql`r.doc_type = ${f.docType}`;
  const searchFilter =
    f.pattern === undefined
      ? sql`true`
      : sql`(r.summary_search LIKE ${f.pattern}
          OR f_norm(r.number::text || '/' || r.doc_type || '-' || r.issuer_symbol) LIKE ${f.pattern}
          OR f_norm(lpad(r.number::text, 2, '0') || '/' || r.doc_type || '-' || r.issuer_symbol)
            LIKE ${f.pattern})`;
  const limit =
    page === null ? sql`` : sql`LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`;
  const { rows } = await sql<RegisterRowRecord & { total: number }>`
    WITH series AS (
      SELECT e.doc_type, e.issuer_symbol, max(e.number) AS highest
      FROM document_register_entry e
      JOIN org_unit u ON u.id = e.unit_id
      WHERE e.unit_id = ${f.unitId} AND e.year = ${f.year} AND ${visibleUnit(f.scope)}
      GROUP BY e.doc_type, e.issuer_symbol
    ), r AS (
      SELECT s.doc_type, s.issuer_symbol, n.number, e.id, e.status, e.subject_kind, e.subject_id,
        e.summary, e.summary_search, e.issued_on, e.reason, e.cancelled_at
      FROM series s
      CROSS JOIN LATERAL generate_series(1, s.highest) AS n(number)
      LEFT JOIN document_register_entry e ON e.unit_id = ${f.unitId} AND e.year = ${f.year}
        AND e.doc_type = s.doc_type AND e.issuer_symbol = s.issuer_symbol AND e.number = n.number
    )
    SELECT r.id, r.doc_type AS "docType", r.issuer_symbol AS "issuerSymbol", r.number,
      r.status, r.subject_kind AS "subjectKind", r.subject_id AS "subjectId", r.summary,
      r.issued_on AS "issuedOn", r.reason, r.cancelled_at AS "cancelledAt",
      count(*) OVER ()::int AS total
    FROM r
    WHERE ${typeFilter} AND ${searchFilter}
    ORDER BY r.doc_type, r.issuer_symbol, r.number
    ${limit}`.execute(db);
  return {
    items: rows.map(({ total: _total, ...r }) => r),
    total: rows[0]?.total ?? 0,
  };
}

/** Years with entries (newest first), the year's document types and its gap count. */
export async function registerOutline(db: Executor, unitId: number, year: number, scope: Scope) {
  const { rows } = await sql<{ years: number[]; docTypes: string[]; gapCount: number }>`
    SELECT
      coalesce((SELECT array_agg(DISTINCT e.year ORDER BY e.year DESC)
        FROM document_register_entry e WHERE e.unit_id = u.id), '{}') AS years,
      coalesce((SELECT array_agg(DISTINCT e.doc_type ORDER BY e.doc_type)
        FROM document_register_entry e WHERE e.unit_id = u.id AND e.year = ${year}), '{}')
        AS "docTypes",
      coalesce((SELECT sum(s.highest - s.used)::int FROM (
        SELECT max(e.number) AS highest, count(*) AS used FROM document_register_entry e
        WHERE e.unit_id = u.id AND e.year = ${year} GROUP BY e.doc_type, e.issuer_symbol) s), 0)
        AS "gapCount"
    FROM org_unit u
    WHERE u.id = ${unitId} AND ${visibleUnit(scope)}`.execute(db);
  return rows[0] ?? { years: [], docTypes: [], gapCount: 0 };
}
