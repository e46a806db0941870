import type { ScoreSheetStatus } from '../../db/schema';
import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { nextSheetStatus, sheetEventRefusals, type SheetEvent } from './assessment.rules';
import { updateSheet, type SheetChanges } from './assessment.queries';

/**
 * The ONE place a score sheet's status changes. Moves the sheet (already loaded and locked by the
 * caller, its version checked) along the state machine (`nextSheetStatus`), with the columns the
 * step records (who submitted, the return reason, the explanation request…), and bumps its
 * version. INVALID_STATE when the sheet's status does not allow the event — callers check their
 * own, more specific conditions first; this is the guard no caller can skip.
 */
export async function transitionSheet(
  trx: Executor,
  sheet: { id: number; status: ScoreSheetStatus; version: number },
  event: SheetEvent,
  changes: SheetChanges,
  at: Date,
): Promise<ScoreSheetStatus> {
  const status = nextSheetStatus(sheet.status, event);
  if (status === null) throw new AppError('INVALID_STATE', sheetEventRefusals[event]);
  await updateSheet(trx, sheet.id, { ...changes, status, version: sheet.version + 1 }, at);
  return status;
}
