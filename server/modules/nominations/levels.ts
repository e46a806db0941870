import type { Ctx } from '../../platform/context';
import type { Executor } from '../../platform/db';
import { describeQuota } from '../../../shared/quotas';
import { getVisiblePlan } from '../campaigns/index';
import { listQuotaUse, ruleOfPlanQuota } from '../quotas/index';
import {
  decidingUnit,
  dossierChecklist,
  quotasAt,
  tickChecklist,
  type ChecklistItem,
  type LevelUnit,
  type QuotaAtLevel,
} from './levels.rules';
import * as q from './nominations.queries';

/**
 * The levels of one nomination, gathered from the plan and the unit tree (decision 041): the top
 * level the plan reaches (its issuing unit), the deciding level, the receiving level and its
 * dossier checklist, and the quotas an approval counts against.
 */
export type Levels = {
  plan: Awaited<ReturnType<typeof getVisiblePlan>>;
  top: LevelUnit;
  decider: LevelUnit;
  receiving: LevelUnit | null;
  checklist: ChecklistItem[];
  quotas: QuotaAtLevel[];
};

/**
 * A source of dossier items present besides the attached files: given a nomination and its
 * checklist items, the items it has (e.g. the dossiers module's generated documents, decision
 * 045). Nominations cannot import dossiers (dossiers imports nominations), so the dossiers side is
 * plugged in at the composition root (app.ts) through `addDossierItemsSource`.
 */
export type DossierItemsSource = (
  db: Executor,
  nominationId: number,
  items: readonly string[],
) => Promise<Iterable<string>>;

const dossierItemsSources: DossierItemsSource[] = [];

/** Plugs in a source of dossier items present (once; adding the same source again is a no-op). */
export function addDossierItemsSource(source: DossierItemsSource): void {
  if (!dossierItemsSources.includes(source)) dossierItemsSources.push(source);
}

/**
 * The dossier items present for a nomination among its checklist `items`: the items its
 * attachments are tagged with, and those the plugged-in sources (generated dossier documents)
 * say it has.
 */
export async function dossierItemsPresent(
  db: Executor,
  nominationId: number,
  items: readonly string[],
): Promise<Set<string>> {
  const files = await q.listAttachments(db, nominationId);
  const present = new Set(files.flatMap((f) => (f.dossierItem === null ? [] : [f.dossierItem])));
  const missing = items.filter((i) => !present.has(i));
  if (missing.length === 0) return present;
  for (const source of dossierItemsSources)
    for (const item of await source(db, nominationId, missing)) present.add(item);
  return present;
}

export async function levelsOf(ctx: Ctx, db: Executor, r: q.NominationRecord): Promise<Levels> {
  const plan = await getVisiblePlan(ctx, db, r.planId);
  const above = await q.listUnitsAbove(db, r.proposingUnitId);
  const topAt = above.findIndex((u) => u.id === plan.issuingUnitId);
  const reach = topAt < 0 ? above : above.slice(0, topAt + 1);
  const top = reach.at(-1) ?? (await q.findLevelUnit(db, r.proposingUnitId));
  if (top === undefined) throw new Error(`unit ${r.proposingUnitId} vanished`);
  const decider = decidingUnit(r.formDeciders, reach) ?? top;
  const editable = r.status === 'draft' || r.status === 'returned';
  const receiving = editable
    ? (above[0] ?? null)
    : { id: r.currentUnitId, kind: r.currentUnitKind, name: r.currentUnitName };
  const items = receiving === null ? [] : dossierChecklist(plan.content.dossier, receiving.kind);
  return {
    plan,
    top,
    decider,
    receiving,
    checklist: tickChecklist(items, await dossierItemsPresent(db, r.id, items)),
    quotas: quotasAt(plan.content.quotas, r.personId !== null ? 'person' : 'unit', decider),
  };
}

/** The quotas with their use now (the cap shown is the count; a percent needs the base). */
export async function quotaUseOf(db: Executor, planId: number, quotas: readonly QuotaAtLevel[]) {
  if (quotas.length === 0) return [];
  const use = await listQuotaUse(db, planId);
  return quotas.map(({ quota, quotaKey }) => ({
    quotaKey,
    label: `${quota.level}: ${describeQuota(ruleOfPlanQuota(quota))}`,
    used: use.get(quotaKey) ?? 0,
    cap: quota.maxPercent === null ? quota.maxCount : null,
  }));
}
