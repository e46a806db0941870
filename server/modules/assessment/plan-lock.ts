import type { Executor } from '../../platform/db';
import type { ResultsStatus } from '../../db/schema';
import { AppError } from '../../platform/errors';
import { getResultsState } from './results-state.queries';

/**
 * Published results lock the plan's evaluation: while `results_state.status` is
 * 'published', no score sheet of the plan (self-scores, submission, return, evidence, appraisal,
 * explanation, survey import, opening a new sheet) and no individual checklist may change. The
 * council's reopening (results module) lifts the lock. The guard lives here, in the lowest module
 * that needs it, because assessment, appraisal and results all refuse writes while it holds.
 *
 * The lock lives on the plan, not on each sheet: `score_sheet.status` keeps its own step
 * (submitted, explaining, appraised…) so that reopening gives every sheet back exactly where it
 * was. A per-sheet 'published' status would overwrite that step, so that value of the status
 * CHECK is deliberately never written.
 */

export const RESULTS_LOCKED_MESSAGE =
  'Kết quả của kế hoạch đã công bố: cần Hội đồng thi đua – khen thưởng mở lại trước khi sửa.';

/**
 * INVALID_STATE while the plan's results are published. Call it inside the writing transaction:
 * it holds the plan's `results_state` row FOR SHARE until commit (creating it if missing), so a concurrent publication (which takes the row
 * FOR UPDATE) either waits for this write or is seen by it — never both at once.
 */
export async function assertResultsOpen(trx: Executor, planId: number): Promise<void> {
  if ((await getResultsState(trx, planId, 'share')).resultsStatus === 'published')
    throw new AppError('INVALID_STATE', RESULTS_LOCKED_MESSAGE);
}

/**
 * `assertResultsOpen` for a writer that read the plan's results status with its own row, the
 * results_state row held FOR SHARE in that statement (`heldResultsStatus`): no further statement
 * unless the plan had no row yet (`held` null), when `assertResultsOpen` creates and holds it.
 */
export async function assertHeldResultsOpen(
  trx: Executor,
  planId: number,
  held: ResultsStatus | null,
): Promise<void> {
  if (held === null) return assertResultsOpen(trx, planId);
  if (held === 'published') throw new AppError('INVALID_STATE', RESULTS_LOCKED_MESSAGE);
}
