import type { Ctx } from '../../platform/context';
import type { Executor } from '../../platform/db';
import type { PlanRecord } from '../campaigns/index';
import { notifyUnit, notifyUnitSide } from '../notifications/index';
import * as q from './results.queries';

/**
 * Notifications when a plan's results are published (to the side of every unit in the results,
 * with its own band and rank) and reopened (to the issuing unit, with the reason). Written in the
 * transaction that publishes or reopens. A plan may be published, reopened and published again:
 * each time is its own event, numbered by the audit trail (`round`), so the dedupe keys differ.
 */

type Plan = Pick<PlanRecord, 'id' | 'title' | 'issuingUnitId' | 'documentNumber'>;

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const planLabel = (p: Plan) =>
  `kế hoạch ${p.documentNumber === null ? '' : `${p.documentNumber} `}"${cut(p.title, 200)}"`;

/** How many times this plan's results were `action` before (the audit trail is the record). */
export async function resultsRound(
  db: Executor,
  planId: number,
  action: 'results.published' | 'results.reopened',
): Promise<number> {
  return q.countPlanAuditEvents(db, planId, action);
}

/** Every unit in the published results hears its own band and rank. Returns rows written. */
export async function notifyResultsPublished(
  ctx: Ctx,
  trx: Executor,
  plan: Plan,
  round: number,
): Promise<number> {
  const rows = await q.listPublishedUnits(trx, plan.id);
  return notifyUnitSide(
    ctx,
    rows.map((r) => ({
      unitId: r.unitId,
      kind: 'results.published',
      title: `Đã công bố kết quả đánh giá ${cut(planLabel(plan), 160)}`,
      body: `${r.unitName}: xếp loại ${r.bandLabel}, xếp hạng ${r.rank}/${rows.length}.`,
      link: `/plans/${plan.id}?tab=results`,
      dueOn: null,
      dedupeKey: `results:${plan.id}:published:${round}:${r.unitId}`,
    })),
    trx,
  );
}

/** The issuing unit (its officers and council) hears that published results were reopened. */
export async function notifyResultsReopened(
  ctx: Ctx,
  trx: Executor,
  plan: Plan,
  round: number,
  reason: string,
): Promise<number> {
  return notifyUnit(
    ctx,
    {
      unitId: plan.issuingUnitId,
      kind: 'results.reopened',
      title: `Kết quả đánh giá ${cut(planLabel(plan), 160)} được mở lại`,
      body: `Hội đồng mở lại kết quả đã công bố. Lý do: ${cut(reason, 600)}`,
      link: `/plans/${plan.id}?tab=results`,
      dueOn: null,
      dedupeKey: `results:${plan.id}:reopened:${round}`,
    },
    trx,
  );
}
