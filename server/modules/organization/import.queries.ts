import { sql } from 'kysely';
import type { Executor } from '../../platform/db';
import type { Gender, PersonCategory, UnitKind } from '../../../shared/org';

/** The summary audit event an import recorded against its job, if it got that far. */
export function findImportOutcomeEvent(db: Executor, jobId: number) {
  return db
    .selectFrom('auditEvent')
    .select('after')
    .where('entityType', '=', 'job')
    .where('entityId', '=', String(jobId))
    .where('action', 'in', ['import.people', 'import.units'])
    .executeTakeFirst();
}

/** Of these person ids, those that exist, with their unit's path. */
export function listPersonUnitPaths(db: Executor, ids: readonly number[]) {
  return db
    .selectFrom('person as p')
    .innerJoin('orgUnit as u', 'u.id', 'p.unitId')
    .select(['p.id', sql<string>`u.path::text`.as('unitPath')])
    .where('p.id', 'in', ids)
    .execute();
}

/** The person's fields an import writes. */
export type ImportedPerson = {
  fullName: string;
  gender: Gender | null;
  birthYear: number | null;
  category: PersonCategory;
  position: string | null;
  email: string | null;
  phone: string | null;
  unitId: number;
  provinceId: number | null;
};

/** Inserts the people (one statement); returns their ids in the same order. */
export function insertPeople(db: Executor, people: readonly ImportedPerson[], now: Date) {
  return db
    .insertInto('person')
    .values(people.map((p) => ({ ...p, createdAt: now, updatedAt: now })))
    .returning('id')
    .execute();
}

export async function insertAssignments(
  db: Executor,
  rows: readonly { personId: number; unitId: number; position: string | null; startedOn: string }[],
): Promise<void> {
  await db.insertInto('personAssignment').values(rows).execute();
}

/** The person's row, locked for the rest of the transaction. */
export function lockPerson(db: Executor, id: number) {
  return db
    .selectFrom('person')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Overwrites the person's imported fields and bumps the version. */
export async function updateImportedPerson(
  db: Executor,
  id: number,
  p: ImportedPerson,
  at: Date,
): Promise<void> {
  await db
    .updateTable('person')
    .set({ ...p, updatedAt: at, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

/** Ends the person's open assignment the day before `today` (or the day it started, if later). */
export async function endOpenAssignment(db: Executor, personId: number, today: string) {
  await db
    .updateTable('personAssignment')
    .set({ endedOn: sql<string>`greatest(started_on, ${today}::date - 1)` })
    .where('personId', '=', personId)
    .where('endedOn', 'is', null)
    .execute();
}

/** Overwrites the unit's imported fields and bumps the version. */
export async function updateImportedUnit(
  db: Executor,
  id: number,
  u: { name: string; kind: UnitKind; adminCode: string | null; active: boolean },
  at: Date,
): Promise<void> {
  await db
    .updateTable('orgUnit')
    .set({ ...u, updatedAt: at, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}
