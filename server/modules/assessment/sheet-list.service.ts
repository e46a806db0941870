import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ScoreSheetStatus } from '../../db/schema';
import type { Ctx } from '../../platform/context';
import { pathInScope, scopeFor } from '../../platform/access';
import { id, page, pageSize, parseInput, z } from '../../platform/validation';
import { escapeLike, foldVietnamese } from '../../platform/text';
import { appraiserPaths } from './assessment.policy';
import { actedForUnitSql, appraisedSheetSql } from './entry.queries';
import * as q from './sheet-list.queries';
import { resultsOpen } from './results-state.queries';

/**
 * The evaluation work list (danh sách phiếu chấm điểm): score sheets across plans, either those
 * waiting for the actor's action or every sheet the actor may read. Visibility, "waiting for me"
 * and the filters are decided in SQL with the same rules as the sheet's own checks
 * (assessment.policy.ts `canViewSheet`, `canActForUnit`; appraisal.policy.ts `canAppraiseSheet`).
 */

/** Whose move it is in each status: the unit's side, the appraisers, or nobody's (closed). */
export const waitingForOf: Record<ScoreSheetStatus, 'unit' | 'appraiser' | null> = {
  self_draft: 'unit',
  submitted: 'appraiser',
  returned: 'unit',
  explaining: 'unit',
  explained: 'appraiser',
  appraised: null,
  published: null,
};
const statuses = Object.keys(waitingForOf) as [ScoreSheetStatus, ...ScoreSheetStatus[]];
const turnOf = (side: 'unit' | 'appraiser') => statuses.filter((s) => waitingForOf[s] === side);

/** '' from an empty query-string field means "not given". */
const blankAsMissing = (v: unknown) => (v === '' ? undefined : v);

export const ListSheetsQuery = z.object({
  todo: z.preprocess(blankAsMissing, z.enum(['mine', 'all']).default('mine')),
  status: z.preprocess(blankAsMissing, z.enum(statuses).optional()),
  planId: z.preprocess(blankAsMissing, id.optional()),
  q: z.string().trim().max(100).optional(),
  page,
  pageSize,
});
export type ListSheetsQuery = z.infer<typeof ListSheetsQuery>;

export const listSheetsLabels: Record<string, string> = {
  todo: 'Việc cần làm',
  status: 'Trạng thái',
  planId: 'Kế hoạch',
  q: 'Tìm kiếm',
  page: 'Trang',
  pageSize: 'Số dòng mỗi trang',
};

const statusIn = (list: readonly ScoreSheetStatus[]) =>
  sql<SqlBool>`s.status IN (${sql.join(list)})`;

/** The list's WHERE and its "waiting for the actor" predicate, over s, u, p, pu. */
function conditions(ctx: Ctx, query: ListSheetsQuery): q.SheetListConditions {
  const view = scopeFor(ctx.actor, 'campaign.view');
  const unitPath = sql<string>`u.path`;
  const planPath = sql<string>`pu.path`;
  // canViewSheet: campaign.view over the sheet's unit or over the plan's issuing unit.
  const visible = sql<SqlBool>`(${pathInScope(view, unitPath)} OR ${pathInScope(view, planPath)})`;
  // canAppraiseSheet: an appraiser role at or above the issuing unit, campaign.view over it, and
  // not the one who did the unit's side of the sheet.
  const appraises = sql<SqlBool>`(${pathInScope(
    { all: false, paths: appraiserPaths(ctx.actor) },
    planPath,
  )} AND ${pathInScope(view, planPath)}${
    ctx.actor.kind === 'user' ? sql` AND NOT ${actedForUnitSql(ctx.actor.userId)}` : sql``
  })`;
  // canActForUnit: registration.submit over the sheet's unit — but an explanation is never
  // waiting for whoever appraised the sheet (appraisal.explanation.ts refuses it to them).
  const forUnit = sql<SqlBool>`(${pathInScope(scopeFor(ctx.actor, 'registration.submit'), unitPath)}${
    ctx.actor.kind === 'user'
      ? sql` AND (s.status <> 'explaining' OR NOT ${appraisedSheetSql(ctx.actor.userId)})`
      : sql``
  })`;
  // Published results lock every sheet of the plan (results-lock.ts): nobody's move then.
  const mine = sql<SqlBool>`(${resultsOpen}
    AND ((${appraises} AND ${statusIn(turnOf('appraiser'))})
      OR (${forUnit} AND ${statusIn(turnOf('unit'))})))`;
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
 * Score sheets across plans for the evaluation screen. `todo=mine` (default): the sheets waiting
 * for the actor — as an appraiser of the plan, sheets in `submitted` or `explained`; as the unit's
 * side, sheets in `self_draft`, `returned` or `explaining` — none while the plan's results are
 * published (they are locked). `todo=all`: every sheet the actor may
 * read (campaign.view over the unit or the issuing unit). Filters: status, plan, an
 * accent-insensitive search over the unit's name and the plan's title; paged. Each item says whose
 * move it is (`waitingFor`) and whether that is the actor (`waitingForMe`); the self total is the
 * self stage's roll-up. VALIDATION_FAILED naming the bad query field.
 */
export async function listScoreSheets(ctx: Ctx, input: unknown) {
  const query = parseInput(ListSheetsQuery, input, listSheetsLabels);
  const c = conditions(ctx, query);
  const [rows, total] = await Promise.all([
    q.listSheetPage(ctx.db, c, query),
    q.countSheets(ctx.db, c.where),
  ]);
  return {
    items: rows.map((r) => ({ ...r, waitingFor: waitingForOf[r.status] })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * How many score sheets wait for the actor: the work list's `todo=mine` total (the home page's
 * to-do count), decided by the same SQL conditions as `listScoreSheets`.
 */
export async function countScoreSheetsWaiting(ctx: Ctx): Promise<number> {
  const query = parseInput(ListSheetsQuery, {}, listSheetsLabels);
  return q.countSheets(ctx.db, conditions(ctx, query).where);
}
