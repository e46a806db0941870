import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ScoreSheetStatus } from '../../db/schema';
import type { Actor } from '../../platform/context';
import type { Executor } from '../../platform/db';
import { pathInScope, scopeFor } from '../../platform/access';
import { escapeLike, foldVietnamese } from '../../platform/text';
import { appraiserPaths } from './assessment.policy';
import { actedForUnitSql, appraisedSheetSql } from './entry.queries';
import { joinPlanEvaluation } from './plan-evaluation.queries';
import { joinResultsState, resultsOpen } from './results-state.queries';

/**
 * Reads of the evaluation work list (score sheets across plans); the first parameter is always
 * the executor. Every condition arrives as SQL over the aliases `s` (score_sheet), `u` (its
 * org_unit), `p` (campaign_plan), `pu` (the plan's issuing org_unit), `pe` (the plan's
 * evaluation settings) and `rs` (its results state).
 */

const from = sql`score_sheet s JOIN org_unit u ON u.id = s.unit_id
  JOIN campaign_plan p ON p.id = s.plan_id JOIN org_unit pu ON pu.id = p.issuing_unit_id
  ${joinPlanEvaluation(sql.ref('p.id'))} ${joinResultsState(sql.ref('p.id'))}`;

export type SheetListRow = {
  id: number;
  planId: number;
  planTitle: string;
  planNumber: string | null;
  unitId: number;
  /** The unit's display name (with its parents' where another unit bears its name). */
  unitName: string;
  /** Ancestor names of the unit, root first, the unit itself excluded. */
  unitPath: string[];
  status: ScoreSheetStatus;
  version: number;
  submittedAt: Date | null;
  updatedAt: Date;
  assessmentDeadline: string | null;
  selfTotal: number;
  selfPercent: number;
  waitingForMe: boolean;
};

export type SheetListConditions = {
  /** Which sheets are listed at all (visibility and filters). */
  where: RawBuilder<SqlBool>;
  /** Whether a listed sheet waits for the actor's action; sorts those first. */
  mine: RawBuilder<SqlBool>;
};

/** The work list's filter (ListSheetsQuery of sheet-list.service.ts, parsed). */
export type SheetListFilter = {
  todo: 'mine' | 'all';
  status?: ScoreSheetStatus;
  planId?: number;
  q?: string;
};

const statusIn = (list: readonly ScoreSheetStatus[]) =>
  sql<SqlBool>`s.status IN (${sql.join(list)})`;

/**
 * The list's WHERE and its "waiting for the actor" predicate, over s, u, p, pu, for the actor's
 * filter; `turns`: the statuses in which it is the appraisers' or the unit's move.
 */
export function sheetListConditions(
  actor: Actor,
  query: SheetListFilter,
  turns: { appraiser: readonly ScoreSheetStatus[]; unit: readonly ScoreSheetStatus[] },
): SheetListConditions {
  const view = scopeFor(actor, 'campaign.view');
  const unitPath = sql<string>`u.path`;
  const planPath = sql<string>`pu.path`;
  // canViewSheet: campaign.view over the sheet's unit or over the plan's issuing unit.
  const visible = sql<SqlBool>`(${pathInScope(view, unitPath)} OR ${pathInScope(view, planPath)})`;
  // canAppraiseSheet: an appraiser role at or above the issuing unit, campaign.view over it, and
  // not the one who did the unit's side of the sheet.
  const appraises = sql<SqlBool>`(${pathInScope(
    { all: false, paths: appraiserPaths(actor) },
    planPath,
  )} AND ${pathInScope(view, planPath)}${
    actor.kind === 'user' ? sql` AND NOT ${actedForUnitSql(actor.userId)}` : sql``
  })`;
  // canActForUnit: registration.submit over the sheet's unit — but an explanation is never
  // waiting for whoever appraised the sheet (appraisal.explanation.ts refuses it to them).
  const forUnit = sql<SqlBool>`(${pathInScope(scopeFor(actor, 'registration.submit'), unitPath)}${
    actor.kind === 'user'
      ? sql` AND (s.status <> 'explaining' OR NOT ${appraisedSheetSql(actor.userId)})`
      : sql``
  })`;
  // Published results lock every sheet of the plan (results-lock.ts): nobody's move then.
  const mine = sql<SqlBool>`(${resultsOpen}
    AND ((${appraises} AND ${statusIn(turns.appraiser)})
      OR (${forUnit} AND ${statusIn(turns.unit)})))`;
  const where: RawBuilder<SqlBool>[] = [visible];
  if (query.todo === 'mine') where.push(mine);
  if (query.status !== undefined) where.push(statusIn([query.status]));
  if (query.planId !== undefined) where.push(sql<SqlBool>`s.plan_id = ${query.planId}`);
  const search = query.q === undefined ? '' : foldVietnamese(query.q);
  if (search !== '') {
    const pattern = `%${escapeLike(search)}%`;
    where.push(sql<SqlBool>`(u.name_search LIKE ${pattern} OR p.title_search LIKE ${pattern})`);
  }
  return { where: sql<SqlBool>`${sql.join(where, sql` AND `)}`, mine };
}

/**
 * One page of sheets: those waiting for the actor first, then sheets still in progress before
 * closed ones (appraised, published), then the nearest assessment deadline (none last), then the
 * unit's name (Vietnamese collation). The page's ids are chosen first, so the self total
 * and the ancestor names are computed for the page's rows only.
 *
 * The self total is the sum of the sheet's self-stage points clamped to [0, the version's
 * maximum], which is what `rollUp` gives for the self stage: adjustment leaves add to the grand
 * total, survey leaves have no self entry, and points are stored with 2 decimals, so SQL numeric
 * arithmetic rounds the percent half away from zero exactly as `round2` does.
 */
export async function listSheetPage(
  db: Executor,
  c: SheetListConditions,
  paging: { page: number; pageSize: number },
): Promise<SheetListRow[]> {
  const { rows } = await sql<SheetListRow>`
    WITH pg AS (
      SELECT s.id, ${c.mine} AS mine,
        row_number() OVER (ORDER BY ${c.mine} DESC,
          s.status IN ('appraised', 'published') ASC,
          pe.assessment_deadline ASC NULLS LAST, u.name COLLATE "vi-x-icu", s.id) AS n
      FROM ${from} WHERE ${c.where}
      ORDER BY n LIMIT ${paging.pageSize} OFFSET ${(paging.page - 1) * paging.pageSize}
    ), scored AS (
      -- The version's max_total straight from criteria's table (not through criteria's index):
      -- one statement for the page, as the percent must be computed beside the sum.
      SELECT pg.id, LEAST(v.max_total, GREATEST(0,
          (SELECT COALESCE(sum(e.points), 0) FROM score_entry e
            WHERE e.sheet_id = pg.id AND e.stage = 'self'))) AS total, v.max_total
      FROM pg JOIN score_sheet s ON s.id = pg.id
        JOIN criteria_set_version v ON v.id = s.criteria_version_id
    )
    SELECT s.id, s.plan_id AS "planId", p.title AS "planTitle",
      p.document_number AS "planNumber", s.unit_id AS "unitId", u.display_name AS "unitName",
      COALESCE((SELECT array_agg(a.name ORDER BY nlevel(a.path)) FROM org_unit a
        WHERE a.id = ANY(string_to_array(u.path::text, '.')::int[]) AND a.id <> u.id),
        '{}') AS "unitPath",
      s.status, s.version, s.submitted_at AS "submittedAt", s.updated_at AS "updatedAt",
      pe.assessment_deadline AS "assessmentDeadline",
      sc.total AS "selfTotal",
      CASE WHEN sc.max_total > 0 THEN round(sc.total * 100 / sc.max_total, 2) ELSE 0 END
        AS "selfPercent",
      pg.mine AS "waitingForMe"
    FROM pg JOIN scored sc ON sc.id = pg.id JOIN (${from}) ON s.id = pg.id
    ORDER BY pg.n`.execute(db);
  return rows;
}

export async function countSheets(db: Executor, where: RawBuilder<SqlBool>): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM ${from} WHERE ${where}`.execute(db);
  return rows[0]?.n ?? 0;
}
