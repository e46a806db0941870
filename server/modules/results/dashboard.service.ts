import ExcelJS from 'exceljs';
import { defaultBands, type Band } from '../../../shared/criteria';
import type { Ctx } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { can } from '../../platform/access';
import { planFileName } from '../campaigns/index';
import {
  getEvaluatedPlanAndResults,
  sheetStatusLabels,
  sheetStatuses,
  type EvaluatedPlan,
  type SheetStatus,
} from '../assessment/index';
import * as q from './dashboard.queries';

/**
 * The campaign dashboard (§7): for the issuing unit over its whole subtree, how many of the
 * approved collective registrations (m) reached each stage of the assessment, the score
 * distribution (per band and a 10-bucket histogram of percent), the top of the ranking and the
 * same counts per direct child unit of the issuer (drill-down by area). One set-based statement
 * for the figures (about 10 ms for the 3,321 communes of the national data set), plus the plan
 * look-ups; the .xlsx export of the full ranking is one more.
 */

/** Cumulative stages: each counts the units that reached it (or went further). */
export const dashboardStages = ['opened', 'submitted', 'appraised', 'ranked'] as const;
export type DashboardStage = (typeof dashboardStages)[number];

const reached: Record<Exclude<DashboardStage, 'ranked'>, readonly SheetStatus[]> = {
  opened: sheetStatuses.filter((s) => s !== 'not_opened'),
  // 'returned' is back with the unit for corrections: not counted as submitted until it is again.
  submitted: ['submitted', 'explaining', 'explained', 'appraised', 'published'],
  appraised: ['appraised', 'published'],
};

export type StageCounts = {
  /** Approved collective registrations. */
  registered: number;
  byStatus: Record<SheetStatus, number>;
  stages: Record<DashboardStage, number>;
  byBand: Record<string, number>;
};

export type DashboardTopItem = {
  rank: number;
  unitId: number;
  unitName: string;
  sheetId: number;
  total: number;
  percent: number;
  bandKey: string;
  bandLabel: string;
};

export type PlanDashboard = {
  planId: number;
  issuingUnit: { id: number; name: string };
  resultsStatus: 'none' | 'computed' | 'published';
  resultsComputedAt: string | null;
  bands: Band[];
  totals: StageCounts;
  /** 10 buckets of percent: [0,10), [10,20) … [90,100]. */
  histogram: number[];
  top: DashboardTopItem[];
  /** Direct children of the issuer holding at least one registration; `other` for the rest. */
  areas: (StageCounts & { unitId: number | null; unitName: string })[];
};

function emptyCounts(bands: readonly Band[]): StageCounts {
  return {
    registered: 0,
    byStatus: Object.fromEntries(sheetStatuses.map((s) => [s, 0])) as Record<SheetStatus, number>,
    stages: Object.fromEntries(dashboardStages.map((s) => [s, 0])) as Record<
      DashboardStage,
      number
    >,
    byBand: Object.fromEntries(bands.map((b) => [b.key, 0])),
  };
}

function add(c: StageCounts, g: q.GroupRow) {
  c.registered += g.n;
  c.byStatus[g.status] = (c.byStatus[g.status] ?? 0) + g.n;
  for (const stage of ['opened', 'submitted', 'appraised'] as const)
    if (reached[stage].includes(g.status)) c.stages[stage] += g.n;
  if (g.bandKey !== null) {
    c.stages.ranked += g.n;
    c.byBand[g.bandKey] = (c.byBand[g.bandKey] ?? 0) + g.n;
  }
}

/**
 * The plan with its settings and results state (two round trips per request), if the actor holds
 * campaign.view over the issuing unit; NOT_FOUND otherwise.
 */
async function dashboardPlan(ctx: Ctx, planId: number) {
  const found = await getEvaluatedPlanAndResults(ctx, ctx.db, planId).catch((e: unknown) => {
    throw e instanceof AppError ? notFound('tổng quan đánh giá') : e;
  });
  if (!can(ctx.actor, 'campaign.view', found.plan.unitPath)) throw notFound('tổng quan đánh giá');
  return found;
}

/**
 * The figures are the same for everyone allowed to see them, so they are shared for a few seconds
 * (and concurrent requests share one computation): 50 officers opening the dashboard at once cost
 * one statement, not 50. Recomputing or publishing the results changes the key at once; sheets and
 * registrations show up within `DASHBOARD_TTL_MS`. Visibility is still checked on every request.
 */
export const DASHBOARD_TTL_MS = 5000;
const cache = new Map<number, { key: string; at: number; value: Promise<PlanDashboard> }>();

export async function planDashboard(ctx: Ctx, planId: number): Promise<PlanDashboard> {
  const { plan, results: state } = await dashboardPlan(ctx, planId);
  const key = `${state.resultsStatus}|${state.resultsComputedAt?.getTime() ?? ''}|${plan.bands === null ? '' : JSON.stringify(plan.bands)}`;
  const now = Date.now();
  const hit = cache.get(planId);
  if (hit !== undefined && hit.key === key && now - hit.at < DASHBOARD_TTL_MS) return hit.value;
  const value = computeDashboard(ctx, plan);
  cache.set(planId, { key, at: now, value });
  value.catch(() => cache.delete(planId));
  if (cache.size > 500) for (const k of [...cache.keys()].slice(0, 100)) cache.delete(k);
  return value;
}

async function computeDashboard(ctx: Ctx, plan: EvaluatedPlan): Promise<PlanDashboard> {
  const planId = plan.id;
  const bands = plan.bands ?? defaultBands;
  const issuer = plan.issuingUnitId;
  // Paths end with the unit's id: the area (direct child of the issuer) is the next label.
  const lvl = plan.unitPath.split('.').length;
  const row = await q.dashboardFigures(ctx.db, {
    planId,
    issuerId: issuer,
    issuerPath: plan.unitPath,
    lvl,
  });
  if (row === undefined) throw notFound('tổng quan đánh giá');

  const totals = emptyCounts(bands);
  const byArea = new Map<number | null, StageCounts>();
  for (const g of row.groups ?? []) {
    add(totals, g);
    let c = byArea.get(g.areaId);
    if (c === undefined) byArea.set(g.areaId, (c = emptyCounts(bands)));
    add(c, g);
  }
  const histogram = Array.from({ length: 10 }, () => 0);
  for (const h of row.histogram ?? []) histogram[h.bucket] = h.n;
  const areas: PlanDashboard['areas'] = (row.areas ?? []).map((a) => ({
    unitId: a.id,
    unitName: a.name,
    ...(byArea.get(a.id) ?? emptyCounts(bands)),
  }));
  const other = byArea.get(null);
  if (other !== undefined)
    areas.push({
      unitId: null,
      unitName: 'Khác (trực thuộc trực tiếp hoặc ngoài địa bàn)',
      ...other,
    });
  return {
    planId,
    issuingUnit: { id: issuer, name: row.issuerName },
    resultsStatus: row.resultsStatus,
    resultsComputedAt:
      row.resultsComputedAt === null ? null : new Date(row.resultsComputedAt).toISOString(),
    bands,
    totals,
    histogram,
    top: row.top ?? [],
    areas,
  };
}

/** The full ranking as an .xlsx workbook (built in memory). */
export async function planDashboardXlsx(ctx: Ctx, planId: number) {
  const { plan } = await dashboardPlan(ctx, planId);
  const rows = await q.listRankingRows(ctx.db, planId, plan.issuingUnitId);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Xếp hạng');
  ws.columns = [
    { header: 'Hạng', key: 'rank', width: 8 },
    { header: 'Đơn vị', key: 'unitName', width: 40 },
    { header: 'Địa bàn', key: 'areaName', width: 30 },
    { header: 'Tổng điểm', key: 'total', width: 12 },
    { header: 'Tỷ lệ %', key: 'percent', width: 10 },
    { header: 'Xếp loại', key: 'bandLabel', width: 16 },
    { header: 'Trạng thái phiếu', key: 'status', width: 18 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows)
    ws.addRow({
      ...r,
      areaName: r.areaName ?? '',
      status: sheetStatusLabels[r.status] ?? r.status,
    });
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  return { data, fileName: planFileName('Xếp hạng', plan, 'xlsx') };
}
