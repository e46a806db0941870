import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db';
import { pathInScope, type Scope } from '../../platform/access';
import type { AwardScope } from '../../../shared/awards';
import type { FormVersion } from './awards.rules';

/** Reads and writes of the award catalogue (migration 0020). Versions are only ever inserted. */

export type FormRecord = {
  id: number;
  code: string;
  scope: AwardScope;
  provinceUnitId: number | null;
  provinceName: string | null;
  provincePath: string | null;
  planId: number | null;
};

export type VersionRecord = FormVersion & { createdAt: Date; createdBy: string | null };

/**
 * A province's own forms concern everyone in the province and above it: visible when the province
 * lies in the scope or contains one of its units.
 */
function provinceVisible(scope: Scope) {
  if (scope.all) return sql<SqlBool>`true`;
  if (scope.paths.length === 0) return sql<SqlBool>`false`;
  const paths = sql`${sql.val(scope.paths)}::ltree[]`;
  return sql<SqlBool>`(u.path <@ ${paths} OR u.path @> ${paths})`;
}

/** The provinces (org units of kind province) inside a scope, by name. */
export async function listProvincesIn(db: Executor, scope: Scope) {
  return db
    .selectFrom('orgUnit')
    .select(['id', 'name'])
    .where('kind', '=', 'province')
    .where(pathInScope(scope, sql`path`))
    .orderBy('name')
    .execute();
}

/**
 * The national forms and the provinces' own forms visible in `provinces` (a scope over unit paths),
 * with plans' own forms left out (they are read with their plan).
 */
export async function listForms(db: Executor, provinces: Scope): Promise<FormRecord[]> {
  return db
    .selectFrom('awardForm as f')
    .leftJoin('orgUnit as u', 'u.id', 'f.provinceUnitId')
    .select([
      'f.id',
      'f.code',
      'f.scope',
      'f.provinceUnitId',
      'f.planId',
      'u.name as provinceName',
      sql<string | null>`u.path::text`.as('provincePath'),
    ])
    .where((eb) =>
      eb.or([
        eb('f.scope', '=', 'national'),
        eb.and([eb('f.scope', '=', 'province'), provinceVisible(provinces)]),
      ]),
    )
    .orderBy('f.scope')
    .orderBy('u.name')
    .orderBy('f.id')
    .execute();
}

/** One form (any scope); `lock` holds its row until commit so versions are added one at a time. */
export async function findForm(
  db: Executor,
  id: number,
  lock = false,
): Promise<FormRecord | undefined> {
  let query = db
    .selectFrom('awardForm as f')
    .leftJoin('orgUnit as u', 'u.id', 'f.provinceUnitId')
    .select([
      'f.id',
      'f.code',
      'f.scope',
      'f.provinceUnitId',
      'f.planId',
      'u.name as provinceName',
      sql<string | null>`u.path::text`.as('provincePath'),
    ])
    .where('f.id', '=', id);
  if (lock) query = query.forUpdate('f');
  return query.executeTakeFirst();
}

/** Every version of the forms, oldest first per form. */
export async function listVersions(db: Executor, formIds: number[]): Promise<VersionRecord[]> {
  if (formIds.length === 0) return [];
  return db
    .selectFrom('awardFormVersion as v')
    .innerJoin('awardForm as f', 'f.id', 'v.formId')
    .leftJoin('userAccount as a', 'a.id', 'v.createdBy')
    .select([
      'v.id',
      'v.formId',
      'f.code',
      'v.name',
      'v.kind',
      'v.subject',
      'v.coefficient',
      'v.fixedAmount',
      'v.deciders',
      'v.legalBasis',
      'v.validFrom',
      'v.validTo',
      'v.createdAt',
      'a.displayName as createdBy',
    ])
    .where('v.formId', 'in', formIds)
    .orderBy('v.formId')
    .orderBy('v.validFrom')
    .execute();
}

export async function insertForm(
  db: Executor,
  row: {
    code: string;
    scope: AwardScope;
    provinceUnitId: number | null;
    createdBy: number | null;
    createdAt: Date;
  },
): Promise<number> {
  const r = await db.insertInto('awardForm').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export type NewVersionRow = Omit<FormVersion, 'id' | 'code'> & {
  createdBy: number | null;
  createdAt: Date;
};

export async function insertVersion(db: Executor, row: NewVersionRow): Promise<number> {
  const r = await db
    .insertInto('awardFormVersion')
    .values({ ...row, deciders: sql`${row.deciders}::text[]` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function listBaseSalaries(db: Executor) {
  return db
    .selectFrom('baseSalary')
    .select(['id', 'amount', 'effectiveFrom', 'legalBasis', 'createdAt'])
    .orderBy('effectiveFrom')
    .execute();
}

export async function listRoundings(db: Executor) {
  return db
    .selectFrom('awardRounding')
    .select(['id', 'mode', 'step', 'effectiveFrom', 'legalBasis', 'createdAt'])
    .orderBy('effectiveFrom')
    .execute();
}

/**
 * Serialises writers of the base salary and rounding tables (which have no parent row to lock),
 * so two administrators adding a value at once are checked one after the other.
 */
export async function lockDatedTable(db: Executor, table: 'base_salary' | 'award_rounding') {
  await sql`LOCK TABLE ${sql.table(table)} IN SHARE ROW EXCLUSIVE MODE`.execute(db);
}

export async function insertBaseSalary(
  db: Executor,
  row: {
    amount: number;
    effectiveFrom: string;
    legalBasis: string;
    createdBy: number | null;
    createdAt: Date;
  },
) {
  return db
    .insertInto('baseSalary')
    .values(row)
    .returning(['id', 'amount', 'effectiveFrom', 'legalBasis', 'createdAt'])
    .executeTakeFirstOrThrow();
}

export async function insertRounding(
  db: Executor,
  row: {
    mode: 'up' | 'nearest' | 'none';
    step: number;
    effectiveFrom: string;
    legalBasis: string | null;
    createdBy: number | null;
    createdAt: Date;
  },
) {
  return db
    .insertInto('awardRounding')
    .values(row)
    .returning(['id', 'mode', 'step', 'effectiveFrom', 'legalBasis', 'createdAt'])
    .executeTakeFirstOrThrow();
}

/** Codes of the national forms. */
export async function listNationalCodes(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('awardForm')
    .select('code')
    .where('scope', '=', 'national')
    .execute();
  return rows.map((r) => r.code);
}

/** Serialises installers of the national catalogue (two processes starting at once). */
export async function lockCatalogueInstall(db: Executor): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(7320035)`.execute(db);
}
