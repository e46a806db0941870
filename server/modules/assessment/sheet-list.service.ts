import type { ScoreSheetStatus } from '../../db/schema';
import type { Ctx } from '../../platform/context';
import { parseInput } from '../../platform/validation';
import { ListSheetsQuery } from '../../../shared/api/assessment';
import * as q from './sheet-list.queries';

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

/** The work list's filters: one definition, in shared/api/assessment.ts. */
export { ListSheetsQuery };

export const listSheetsLabels: Record<string, string> = {
  todo: 'Việc cần làm',
  status: 'Trạng thái',
  planId: 'Kế hoạch',
  q: 'Tìm kiếm',
  page: 'Trang',
  pageSize: 'Số dòng mỗi trang',
};

/** The list's conditions for the actor: `conditions` of sheet-list.queries with whose turn is whose. */
const conditions = (ctx: Ctx, query: ListSheetsQuery) =>
  q.sheetListConditions(ctx.actor, query, {
    appraiser: turnOf('appraiser'),
    unit: turnOf('unit'),
  });

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
