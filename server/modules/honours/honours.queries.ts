import { sql } from 'kysely';
import type { Executor } from '../../platform/db';
import type { DisciplineKind, HonourSource } from '../../../shared/honours';

/**
 * Award history and discipline records (tables honour, discipline_record). People and units are
 * read by join for names and the unit paths that scope them (as registrations do); honours writes
 * only its own tables.
 */

/** A person as a subject: name and the path of the unit they belong to now (their scope). */
export async function findPersonSubject(db: Executor, personId: number) {
  return db
    .selectFrom('person as p')
    .innerJoin('orgUnit as u', 'u.id', 'p.unitId')
    .select(['p.id', 'p.fullName', 'p.unitId', sql<string>`u.path::text`.as('unitPath')])
    .where('p.id', '=', personId)
    .executeTakeFirst();
}

/** The people of a subtree, for matching an import's rows by code or by name and unit. */
export function listPeopleWithin(db: Executor, scopePath: string) {
  return db
    .selectFrom('person as p')
    .innerJoin('orgUnit as u', 'u.id', 'p.unitId')
    .select(['p.id', 'p.fullName', 'p.unitId', sql<string>`u.path::text`.as('unitPath')])
    .where(sql<boolean>`u.path <@ ${scopePath}::ltree`)
    .execute();
}

export type HonourRecord = {
  id: number;
  personId: number | null;
  unitId: number | null;
  subjectName: string;
  formVersionId: number | null;
  formCode: string | null;
  formName: string;
  year: number;
  period: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  issuer: string | null;
  achievement: string | null;
  amount: number | null;
  source: HonourSource;
  sourceRef: string | null;
  enteredBy: string | null;
  createdAt: Date;
};

function honourSelect(db: Executor) {
  return db
    .selectFrom('honour as h')
    .leftJoin('person as p', 'p.id', 'h.personId')
    .leftJoin('orgUnit as u', 'u.id', 'h.unitId')
    .leftJoin('userAccount as a', 'a.id', 'h.enteredBy')
    .select([
      'h.id',
      'h.personId',
      'h.unitId',
      sql<string>`coalesce(p.full_name, u.display_name)`.as('subjectName'),
      'h.formVersionId',
      'h.formCode',
      'h.formName',
      'h.year',
      'h.period',
      'h.decisionNumber',
      'h.decisionDate',
      'h.issuer',
      'h.achievement',
      'h.amount',
      'h.source',
      'h.sourceRef',
      'a.displayName as enteredBy',
      'h.createdAt',
    ])
    .where('h.removedAt', 'is', null);
}

/** The awards of one subject (removed ones left out), newest year first. */
export function listHonours(
  db: Executor,
  subject: { personId: number } | { unitId: number },
): Promise<HonourRecord[]> {
  const q = honourSelect(db);
  return (
    'personId' in subject
      ? q.where('h.personId', '=', subject.personId)
      : q.where('h.unitId', '=', subject.unitId)
  )
    .orderBy('h.year', 'desc')
    .orderBy('h.decisionDate', (ob) => ob.desc().nullsLast())
    .orderBy('h.id', 'desc')
    .execute();
}

/** The history entries (year, form code) of many people at once, for eligibility checks. */
export function listHistoryOfPeople(db: Executor, personIds: readonly number[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('honour')
    .select(['personId', 'year', 'formCode'])
    .where('personId', 'in', personIds)
    .where('removedAt', 'is', null)
    .execute();
}

/** The history entries (year, form code) of many units at once. */
export function listHistoryOfUnits(db: Executor, unitIds: readonly number[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('honour')
    .select(['unitId', 'year', 'formCode'])
    .where('unitId', 'in', unitIds)
    .where('removedAt', 'is', null)
    .execute();
}

export function findHonour(db: Executor, id: number) {
  return honourSelect(db)
    .leftJoin('orgUnit as pu', 'pu.id', 'p.unitId')
    .select(sql<string>`coalesce(pu.path, u.path)::text`.as('scopePath'))
    .where('h.id', '=', id)
    .executeTakeFirst();
}

export type NewHonourRow = {
  personId: number | null;
  unitId: number | null;
  formVersionId: number | null;
  formCode: string | null;
  formName: string;
  year: number;
  period: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  issuer: string | null;
  achievement: string | null;
  amount: number | null;
  source: HonourSource;
  sourceRef: string | null;
  enteredBy: number | null;
  createdAt: Date;
};

/**
 * Inserts awards in batches; returns the ids in order. A decision's award already recorded for
 * the subject is skipped (`honour_decision_once`), so its id is absent from the result.
 */
export async function insertHonours(db: Executor, rows: readonly NewHonourRow[]) {
  const ids: { id: number; personId: number | null; unitId: number | null }[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await db
      .insertInto('honour')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) =>
        oc
          .expression(sql`source_ref, coalesce(person_id, 0), coalesce(unit_id, 0)`)
          .where('source', '=', 'decision')
          .where('removedAt', 'is', null)
          .doNothing(),
      )
      .returning(['id', 'personId', 'unitId'])
      .execute();
    ids.push(...inserted);
  }
  return ids;
}

/** Marks an award removed, if it is not already; returns whether it was. */
export async function markHonourRemoved(
  db: Executor,
  id: number,
  by: { userId: number | null; reason: string; at: Date },
): Promise<boolean> {
  const r = await db
    .updateTable('honour')
    .set({ removedAt: by.at, removedBy: by.userId, removedReason: by.reason })
    .where('id', '=', id)
    .where('removedAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ── Discipline records ──────────────────────────────────────────────────────────────────────

export type DisciplineRecord = {
  id: number;
  personId: number;
  kind: DisciplineKind;
  level: string | null;
  fromDate: string;
  toDate: string | null;
  reason: string;
  decisionRef: string | null;
  version: number;
  enteredBy: string | null;
  createdAt: Date;
};

function disciplineSelect(db: Executor) {
  return db
    .selectFrom('disciplineRecord as d')
    .leftJoin('userAccount as a', 'a.id', 'd.enteredBy')
    .select([
      'd.id',
      'd.personId',
      'd.kind',
      'd.level',
      'd.fromDate',
      'd.toDate',
      'd.reason',
      'd.decisionRef',
      'd.version',
      'a.displayName as enteredBy',
      'd.createdAt',
    ])
    .where('d.removedAt', 'is', null);
}

/** The records of some people (removed ones left out), newest first. */
export function listDisciplineRecords(
  db: Executor,
  personIds: readonly number[],
): Promise<DisciplineRecord[]> {
  if (personIds.length === 0) return Promise.resolve([]);
  return disciplineSelect(db)
    .where('d.personId', 'in', personIds)
    .orderBy('d.fromDate', 'desc')
    .orderBy('d.id', 'desc')
    .execute();
}

export function findDisciplineRecord(db: Executor, id: number) {
  return disciplineSelect(db).where('d.id', '=', id).executeTakeFirst();
}

export type DisciplineValues = {
  kind: DisciplineKind;
  level: string | null;
  fromDate: string;
  toDate: string | null;
  reason: string;
  decisionRef: string | null;
};

export async function insertDisciplineRecord(
  db: Executor,
  personId: number,
  values: DisciplineValues,
  by: { userId: number | null; at: Date },
): Promise<number> {
  const r = await db
    .insertInto('disciplineRecord')
    .values({
      ...values,
      personId,
      enteredBy: by.userId,
      createdAt: by.at,
      updatedAt: by.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Applies the values if the record is still at `version` and not removed; returns whether it was. */
export async function updateDisciplineRecord(
  db: Executor,
  id: number,
  version: number,
  values: DisciplineValues,
  at: Date,
): Promise<boolean> {
  const r = await db
    .updateTable('disciplineRecord')
    .set({ ...values, updatedAt: at, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('removedAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markDisciplineRemoved(
  db: Executor,
  id: number,
  by: { userId: number | null; reason: string; at: Date },
): Promise<boolean> {
  const r = await db
    .updateTable('disciplineRecord')
    .set({
      removedAt: by.at,
      removedBy: by.userId,
      removedReason: by.reason,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('removedAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** What identifies an award already recorded for these subjects (to refuse importing it twice). */
export function listHonourKeys(
  db: Executor,
  personIds: readonly number[],
  unitIds: readonly number[],
) {
  if (personIds.length === 0 && unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('honour')
    .select(['personId', 'unitId', 'formName', 'formCode', 'year', 'decisionNumber'])
    .where('removedAt', 'is', null)
    .where((eb) =>
      eb.or([
        ...(personIds.length > 0 ? [eb('personId', 'in', personIds)] : []),
        ...(unitIds.length > 0 ? [eb('unitId', 'in', unitIds)] : []),
      ]),
    )
    .execute();
}

/** The unit paths of subjects (a person's unit, a unit itself), for audit and scope checks. */
export async function subjectPaths(
  db: Executor,
  personIds: readonly number[],
  unitIds: readonly number[],
) {
  const [people, units] = await Promise.all([
    personIds.length === 0
      ? []
      : db
          .selectFrom('person as p')
          .innerJoin('orgUnit as u', 'u.id', 'p.unitId')
          .select(['p.id', sql<string>`u.path::text`.as('path')])
          .where('p.id', 'in', personIds)
          .execute(),
    unitIds.length === 0
      ? []
      : db
          .selectFrom('orgUnit')
          .select(['id', sql<string>`path::text`.as('path')])
          .where('id', 'in', unitIds)
          .execute(),
  ]);
  return {
    people: new Map(people.map((p) => [p.id, p.path])),
    units: new Map(units.map((u) => [u.id, u.path])),
  };
}
