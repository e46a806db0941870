import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db';
import { pathInScope, type Scope } from '../../platform/access';
import { PlanContent } from '../../../shared/campaign';
import { issuedWithin, planSearchCondition } from './campaigns.queries';

/** Which plans a list may show: the portal's (published) or an actor's. */
export type PlanAudience = { published: true } | { published: false; scope: Scope };

/**
 * The plans an audience may list. Published: issued and not cancelled (no drafts). An actor:
 * every issued plan, plus drafts inside their campaign.view scope.
 */
export function plansVisibleTo(a: PlanAudience): RawBuilder<SqlBool> {
  return a.published
    ? sql<SqlBool>`p.document_number IS NOT NULL AND p.status <> 'cancelled'`
    : sql<SqlBool>`(p.document_number IS NOT NULL OR ${pathInScope(a.scope, sql<string>`u.path`)})`;
}

/** The filters of the plans list and the portal's list (over `campaign_plan p`, `org_unit u`). */
export type PlanListFilter = {
  audience: PlanAudience;
  search?: string | undefined;
  status?: string | undefined;
  kind?: string | undefined;
  provinceId?: number | undefined;
  /** Plans issued by this unit or below it. */
  issuedWithinPath?: string | undefined;
  /** Plans issued by this unit or below it (an unknown unit matches nothing). */
  issuedWithinUnitId?: number | undefined;
  /** The issue year, or for a draft the year it was created (Vietnam time). */
  year?: number | undefined;
  /** The issue year only. */
  issuedYear?: number | undefined;
};

/** The list's predicate for `listPlans`. */
export function planListWhere(f: PlanListFilter): RawBuilder<SqlBool> {
  const conditions = [plansVisibleTo(f.audience)];
  const searched = f.search ? planSearchCondition(f.search) : undefined;
  if (searched) conditions.push(searched);
  if (f.issuedWithinUnitId)
    conditions.push(sql`u.path <@ (SELECT path FROM org_unit WHERE id = ${f.issuedWithinUnitId})`);
  if (f.status) conditions.push(sql`p.status = ${f.status}`);
  if (f.kind) conditions.push(sql`p.kind = ${f.kind}`);
  if (f.provinceId) conditions.push(sql`p.province_id = ${f.provinceId}`);
  if (f.issuedYear) conditions.push(sql`extract(year FROM p.issued_on) = ${f.issuedYear}`);
  if (f.year)
    conditions.push(
      sql`extract(year FROM coalesce(p.issued_on, (p.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)) = ${f.year}`,
    );
  if (f.issuedWithinPath !== undefined) conditions.push(issuedWithin(f.issuedWithinPath));
  return sql<SqlBool>`${sql.join(conditions, sql` AND `)}`;
}

/**
 * Plans that are not cancelled with this document number (and, when given, this issue date):
 * at most two ids, enough to tell a unique match from an ambiguous one.
 */
export async function listPlanIdsByNumber(
  db: Executor,
  documentNumber: string,
  issuedOn: string | null,
): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`SELECT id FROM campaign_plan
    WHERE document_number = ${documentNumber} AND status <> 'cancelled'
      AND (${issuedOn}::date IS NULL OR issued_on = ${issuedOn}::date)
    ORDER BY id LIMIT 2`.execute(db);
  return rows.map((r) => r.id);
}

/** Issued or in-progress plans whose period has not ended by `today`, with their own dates. */
export async function listPlansAwaitingDeadlines(db: Executor, today: string) {
  const { rows } = await sql<{
    id: number;
    unitId: number;
    title: string;
    documentNumber: string | null;
    registrationDeadline: string | null;
    content: unknown;
  }>`SELECT id, issuing_unit_id AS "unitId", title, document_number AS "documentNumber",
      registration_deadline AS "registrationDeadline", content
    FROM campaign_plan WHERE status IN ('issued','in_progress')
      AND (period_end IS NULL OR period_end >= ${today}::date)`.execute(db);
  return rows.map(({ content, ...r }) => ({
    ...r,
    deadlines: PlanContent.parse(content).deadlines,
  }));
}
