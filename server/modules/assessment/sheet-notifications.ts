import type { Ctx } from '../../platform/context';
import type { Executor } from '../../platform/db';
import { notifyUnit, notifyUnitSide, type NewNotification } from '../notifications/index';
import type { SheetRecord } from './assessment.queries';

/**
 * In-app notifications to whoever must act next on a score sheet, written in the transaction of
 * the change they report. The plan's issuing unit (its officers and council) hears of
 * submissions and explanations; the unit's side (the unit and, when nobody there can act, its
 * nearest ancestor that can — notifications' `notifyUnitSide`) hears of returns, requests for
 * explanation and the closed appraisal. Each event's dedupe key carries the sheet version the
 * change produced, so a retried event sends nothing twice while a later round notifies again.
 */

type Sheet = Pick<
  SheetRecord,
  'id' | 'planId' | 'planTitle' | 'planUnitId' | 'unitId' | 'unitName' | 'version'
>;

export type SheetEvent =
  | { kind: 'submitted'; resubmitted: boolean }
  | { kind: 'returned'; reason: string }
  | { kind: 'explanation_requested'; reason: string; leafCount: number }
  | { kind: 'explanation_submitted' }
  | { kind: 'appraised'; percent: number };

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Notifies the next actor of `event` on `sheet` (read before the change: the change raised its
 * version by one).
 */
export async function notifySheetEvent(
  ctx: Ctx,
  trx: Executor,
  sheet: Sheet,
  event: SheetEvent,
): Promise<void> {
  const plan = `Kế hoạch "${cut(sheet.planTitle, 200)}"`;
  const base = {
    link: `/score-sheets/${sheet.id}`,
    dueOn: null,
    dedupeKey: `score_sheet:${sheet.id}:${event.kind}:v${sheet.version + 1}`,
  };
  const toIssuer = (n: Pick<NewNotification, 'kind' | 'title' | 'body'>) =>
    notifyUnit(ctx, { ...base, ...n, unitId: sheet.planUnitId }, trx);
  const toUnit = (n: Pick<NewNotification, 'kind' | 'title' | 'body'>) =>
    notifyUnitSide(ctx, [{ ...base, ...n, unitId: sheet.unitId }], trx);
  switch (event.kind) {
    case 'submitted':
      await toIssuer({
        kind: 'score_sheet.submitted',
        title: `${sheet.unitName} ${event.resubmitted ? 'nộp lại' : 'đã nộp'} bản tự chấm điểm`,
        body: `${plan}: phiếu chấm điểm chờ thẩm định.`,
      });
      return;
    case 'returned':
      await toUnit({
        kind: 'score_sheet.returned',
        title: `Phiếu tự chấm điểm của ${sheet.unitName} bị trả lại`,
        body: `${plan}. Lý do: ${cut(event.reason, 600)} Hãy sửa và nộp lại.`,
      });
      return;
    case 'explanation_requested':
      await toUnit({
        kind: 'score_sheet.explanation_requested',
        title: `Đề nghị ${sheet.unitName} giải trình phiếu chấm điểm`,
        body: `${plan}. ${
          event.leafCount === 0
            ? 'Giải trình toàn bộ phiếu'
            : `Giải trình ${event.leafCount} tiêu chí`
        }. Lý do: ${cut(event.reason, 600)}`,
      });
      return;
    case 'explanation_submitted':
      await toIssuer({
        kind: 'score_sheet.explanation_submitted',
        title: `${sheet.unitName} đã gửi giải trình`,
        body: `${plan}: phiếu chấm điểm chờ thẩm định lần 2.`,
      });
      return;
    case 'appraised':
      await toUnit({
        kind: 'score_sheet.appraised',
        title: `Đã thẩm định xong phiếu chấm điểm của ${sheet.unitName}`,
        body: `${plan}: kết quả thẩm định đạt ${event.percent.toLocaleString('vi-VN')}% tổng điểm.`,
      });
      return;
  }
}
