import { sql, type Insertable, type RawBuilder, type SqlBool, type Updateable } from 'kysely';
import type { CampaignPlanTable } from '../../db/schema';
import { PlanContent } from '../../../shared/campaign';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { escapeLike, searchWords } from '../../platform/text';
import { governmentKinds, type UnitKind } from '../../../shared/org';
import type { PlanRecord } from './campaigns.schemas';

/** Reads and writes of plans. The first parameter is always the executor (db or transaction). */

const planSelect = sql`
  p.id, p.issuing_unit_id AS "issuingUnitId", u.path::text AS "unitPath", u.name AS "unitName",
  u.kind AS "unitKind", pu.name AS "parentUnitName", p.province_id AS "provinceId", p.kind, p.mode,
  p.status, p.doc_type AS "docType", p.issuer_symbol AS "issuerSymbol", p.number,
  p.number_year AS "numberYear", p.document_number AS "documentNumber", p.issued_on AS "issuedOn",
  p.issued_at AS "issuedAt", p.place, p.title, p.period_start AS "periodStart",
  p.period_end AS "periodEnd", p.registration_deadline AS "registrationDeadline",
  p.parent_plan_id AS "parentPlanId", p.cascade_deadline AS "cascadeDeadline", p.content,
  p.version, p.document_version AS "documentVersion", p.cancelled_reason AS "cancelledReason",
  p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

const planFrom = sql`campaign_plan p JOIN org_unit u ON u.id = p.issuing_unit_id
  LEFT JOIN org_unit pu ON pu.id = u.parent_id`;

type RawPlan = Omit<PlanRecord, 'content'> & { content: unknown };

function parsePlan(row: RawPlan): PlanRecord {
  return { ...row, content: PlanContent.parse(row.content) };
}

/** A row lock on the plan taken with its read: `true` FOR UPDATE, 'share' FOR SHARE. */
export type PlanLock = boolean | 'share';

export async function findPlan(
  db: Executor,
  id: number,
  lock: PlanLock = false,
): Promise<PlanRecord | undefined> {
  const lockClause = lock === 'share' ? sql`FOR SHARE OF p` : lock ? sql`FOR UPDATE OF p` : sql``;
  const { rows } = await sql<RawPlan>`SELECT ${planSelect} FROM ${planFrom} WHERE p.id = ${id}
    ${lockClause}`.execute(db);
  const row = rows[0];
  return row === undefined ? undefined : parsePlan(row);
}

export async function getPlan(
  db: Executor,
  id: number,
  lock: PlanLock = false,
): Promise<PlanRecord> {
  const plan = await findPlan(db, id, lock);
  if (plan === undefined) throw notFound('kế hoạch');
  return plan;
}

export async function listPlans(
  db: Executor,
  where: RawBuilder<SqlBool>,
  page: number,
  pageSize: number,
): Promise<{ items: PlanRecord[]; total: number }> {
  const { rows } = await sql<RawPlan & { total: number }>`
    SELECT ${planSelect}, count(*) OVER ()::int AS total FROM ${planFrom} WHERE ${where}
    ORDER BY coalesce(p.issued_on, p.created_at::date) DESC, p.id DESC
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(db);
  return { items: rows.map(parsePlan), total: rows[0]?.total ?? 0 };
}

/** The accent-free words of a search box (moved to platform/text; re-exported for callers). */
export { searchWords };

/**
 * Plans matching every word of a search, in any order: each word may appear in the number ("01/kh-ubnd"
 * or "01-kh-ubnd"), the title, the issuing unit's name, its name as a People's Committee
 * ("ubnd", "uy ban nhan dan") or its parent's name. Needs `planFrom`'s aliases p, u, pu.
 * Unit names are read from org_unit at query time, so a renamed unit is found by its new name.
 */
export function planSearchCondition(search: string): RawBuilder<SqlBool> | undefined {
  const words = searchWords(search);
  if (words.length === 0) return undefined;
  const gov = sql.val([...governmentKinds]);
  return sql.join<SqlBool>(
    words.map((w) => {
      const pattern = `%${escapeLike(w)}%`;
      return sql<SqlBool>`(p.search_text LIKE ${pattern} OR u.name_search LIKE ${pattern}
        OR pu.name_search LIKE ${pattern}
        OR (u.kind = ANY(${gov}::text[]) AND 'ubnd uy ban nhan dan' LIKE ${pattern}))`;
    }),
    sql` AND `,
  );
}

/** Restricts to plans issued by the unit at `unitPath` or any unit below it. */
export function issuedWithin(unitPath: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`u.path <@ ${unitPath}::ltree`;
}

export type IssuingUnitRow = {
  id: number;
  name: string;
  kind: UnitKind;
  parentName: string | null;
  level: number;
};

/**
 * Units whose subtree issued at least one plan matching `visible` (a predicate on p and u), for
 * the unit filter of plan lists, matching every search word (or the given id): higher levels
 * first, then by name; at most `limit`.
 */
export async function listIssuingUnits(
  db: Executor,
  visible: RawBuilder<SqlBool>,
  filter: { search?: string | undefined; id?: number | undefined },
  limit: number,
): Promise<IssuingUnitRow[]> {
  const words = filter.search === undefined ? [] : searchWords(filter.search);
  const match = [
    ...words.map((w) => sql`a.name_search LIKE ${`%${escapeLike(w)}%`}`),
    ...(filter.id === undefined ? [] : [sql`a.id = ${filter.id}`]),
  ].map((c) => sql` AND ${c}`);
  // Path labels are unit ids, so a plan's issuer and all its ancestors are read off its path.
  const { rows } = await sql<IssuingUnitRow>`
    WITH ids AS (
      SELECT DISTINCT unnest(string_to_array(u.path::text, '.'))::int AS id
      FROM ${planFrom} WHERE ${visible}
    )
    SELECT a.id, a.name, a.kind, pa.name AS "parentName", nlevel(a.path) AS level
    FROM ids JOIN org_unit a ON a.id = ids.id LEFT JOIN org_unit pa ON pa.id = a.parent_id
    WHERE true ${sql.join(match, sql``)}
    ORDER BY nlevel(a.path), a.name COLLATE "vi-x-icu", a.id
    LIMIT ${limit}`.execute(db);
  return rows;
}

/** Plans whose status the calendar may move (issued → in progress → in review). */
export async function listPlansToAdvance(db: Executor, today: string) {
  return db
    .selectFrom('campaignPlan')
    .select(['id', 'status', 'periodStart', 'periodEnd'])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('status', '=', 'issued'),
          eb.or([eb('periodStart', 'is', null), eb('periodStart', '<=', today)]),
        ]),
        eb.and([
          eb('status', 'in', ['issued', 'in_progress']),
          eb('periodEnd', 'is not', null),
          eb('periodEnd', '<', today),
        ]),
      ]),
    )
    .orderBy('id')
    .limit(1000)
    .execute();
}

export async function listCascadeUnitIds(db: Executor, planId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('campaignCascadeUnit')
    .select('unitId')
    .where('planId', '=', planId)
    .orderBy('unitId')
    .execute();
  return rows.map((r) => r.unitId);
}

export async function replaceCascadeUnits(db: Executor, planId: number, unitIds: number[]) {
  await db.deleteFrom('campaignCascadeUnit').where('planId', '=', planId).execute();
  if (unitIds.length > 0)
    await db
      .insertInto('campaignCascadeUnit')
      .values(unitIds.map((unitId) => ({ planId, unitId })))
      .execute();
}

export type CascadeRow = {
  unitId: number;
  unitPath: string;
  unitName: string;
  unitKind: UnitKind;
  childId: number | null;
  childStatus: PlanRecord['status'] | null;
  childNumber: string | null;
  childIssuedOn: string | null;
};

/** Every required unit with its live child plan (if any). */
export async function listCascade(db: Executor, planId: number): Promise<CascadeRow[]> {
  const { rows } = await sql<CascadeRow>`
    SELECT u.id AS "unitId", u.path::text AS "unitPath", u.display_name AS "unitName", u.kind AS "unitKind", c.id AS "childId",
      c.status AS "childStatus", c.document_number AS "childNumber", c.issued_on AS "childIssuedOn"
    FROM campaign_cascade_unit r
    JOIN org_unit u ON u.id = r.unit_id
    LEFT JOIN campaign_plan c ON c.parent_plan_id = r.plan_id AND c.issuing_unit_id = r.unit_id
      AND c.status <> 'cancelled'
    WHERE r.plan_id = ${planId}
    ORDER BY u.name COLLATE "vi-x-icu", u.id`.execute(db);
  return rows;
}

/** Units whose subtree contains none of the given ids that are not strictly below `ancestorPath`. */
export async function unitsOutside(
  db: Executor,
  unitIds: number[],
  ancestorPath: string,
): Promise<number[]> {
  if (unitIds.length === 0) return [];
  const { rows } = await sql<{ id: number }>`
    SELECT x.id FROM unnest(${sql.val(unitIds)}::int[]) AS x(id)
    LEFT JOIN org_unit u ON u.id = x.id
    WHERE u.id IS NULL OR NOT (u.path <@ ${ancestorPath}::ltree) OR u.path = ${ancestorPath}::ltree`.execute(
    db,
  );
  return rows.map((r) => r.id);
}

/** Of the given plan ids, those that do not exist or have never been issued (no number). */
export async function unissuedPlans(db: Executor, planIds: number[]): Promise<number[]> {
  if (planIds.length === 0) return [];
  const { rows } = await sql<{ id: number }>`
    SELECT x.id FROM unnest(${sql.val(planIds)}::int[]) AS x(id)
    LEFT JOIN campaign_plan p ON p.id = x.id
    WHERE p.id IS NULL OR p.document_number IS NULL`.execute(db);
  return rows.map((r) => r.id);
}

export async function insertVersion(
  db: Executor,
  v: {
    planId: number;
    version: number;
    snapshot: unknown;
    reason: string;
    createdBy: number | null;
  },
) {
  await db
    .insertInto('campaignPlanVersion')
    .values({ ...v, snapshot: JSON.stringify(v.snapshot) })
    .execute();
}

export async function listVersions(db: Executor, planId: number) {
  const { rows } = await sql<{
    version: number;
    reason: string;
    createdAt: Date;
    createdByName: string | null;
  }>`SELECT v.version, v.reason, v.created_at AS "createdAt", a.display_name AS "createdByName"
    FROM campaign_plan_version v LEFT JOIN user_account a ON a.id = v.created_by
    WHERE v.plan_id = ${planId} ORDER BY v.version DESC`.execute(db);
  return rows;
}

export async function findVersionSnapshot(db: Executor, planId: number, version: number) {
  const row = await db
    .selectFrom('campaignPlanVersion')
    .select(['snapshot', 'version', 'createdAt'])
    .where('planId', '=', planId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row;
}

/** The active units directly below a unit: the collectives a lower plan can name. */
export async function listDirectSubunits(db: Executor, unitId: number) {
  return db
    .selectFrom('orgUnit')
    .select(['id', 'kind', 'name'])
    .where('parentId', '=', unitId)
    .where('active', '=', true)
    .orderBy('id')
    .execute();
}

/** Inserts a plan row; returns its id. A unique violation (one child plan per unit) propagates. */
export function insertPlan(db: Executor, values: Insertable<CampaignPlanTable>) {
  return db.insertInto('campaignPlan').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Writes the given columns of a plan row (the caller has checked and bumps `version`). */
export async function updatePlan(
  db: Executor,
  id: number,
  changes: Updateable<CampaignPlanTable>,
): Promise<void> {
  await db.updateTable('campaignPlan').set(changes).where('id', '=', id).execute();
}

/** The ids of a plan's child plans that are not cancelled, oldest first. */
export async function listChildPlanIds(db: Executor, planId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('campaignPlan')
    .select('id')
    .where('parentPlanId', '=', planId)
    .where('status', '<>', 'cancelled')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** For each of these plans, how many child plans that are not cancelled it has (absent: none). */
export async function countChildPlans(
  db: Executor,
  planIds: readonly number[],
): Promise<Map<number, number>> {
  const { rows } = await sql<{
    parentPlanId: number;
    n: number;
  }>`SELECT parent_plan_id AS "parentPlanId", count(*)::int AS n
    FROM campaign_plan WHERE parent_plan_id = ANY(${sql.val(planIds)}::int[]) AND status <> 'cancelled'
    GROUP BY parent_plan_id`.execute(db);
  return new Map(rows.map((r) => [r.parentPlanId, r.n]));
}

/**
 * Live plans (issued, in progress, in review) whose cascade deadline is within the reminder
 * window: from 30 days ago to 7 days ahead of `today`.
 */
export async function listPlansWithCascadeDeadlineNear(db: Executor, today: string) {
  const { rows } = await sql<{ planId: number; deadline: string }>`
    SELECT id AS "planId", cascade_deadline AS deadline FROM campaign_plan
    WHERE status IN ('issued','in_progress','in_review') AND cascade_deadline IS NOT NULL
      AND cascade_deadline >= ${today}::date - 30 AND cascade_deadline <= ${today}::date + 7`.execute(
    db,
  );
  return rows;
}

/** The import review kept on a plan row (raw JSON), or null when the plan was not imported. */
export async function findImportReviewJson(db: Executor, planId: number): Promise<unknown> {
  const row = await db
    .selectFrom('campaignPlan')
    .select('importReview')
    .where('id', '=', planId)
    .executeTakeFirst();
  return row?.importReview ?? null;
}

export async function saveImportReviewJson(db: Executor, planId: number, review: unknown) {
  await db
    .updateTable('campaignPlan')
    .set({ importReview: JSON.stringify(review) })
    .where('id', '=', planId)
    .execute();
}

/** The names of these units, in name order (the units a plan requires to follow it). */
export function listUnitNames(db: Executor, unitIds: readonly number[]) {
  return db
    .selectFrom('orgUnit')
    .select(['id', 'name'])
    .where('id', 'in', unitIds)
    .orderBy('name')
    .execute();
}

/** Raises the plan's version (an edit of something kept about the plan, by this or another module). */
export async function setPlanVersion(db: Executor, id: number, version: number, at: Date) {
  await db
    .updateTable('campaignPlan')
    .set({ version, updatedAt: at })
    .where('id', '=', id)
    .execute();
}
