import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id } from '../../api/types';
import type { Band } from '../../../shared/criteria';
import type { ResultsStatus } from './results.api';

/** The campaign dashboard: server/modules/evaluation/dashboard.service.ts. */

export type SheetStatus =
  | 'not_opened'
  | 'self_draft'
  | 'submitted'
  | 'returned'
  | 'explaining'
  | 'explained'
  | 'appraised'
  | 'published';
export type DashboardStage = 'opened' | 'submitted' | 'appraised' | 'ranked';

export type StageCounts = {
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
  resultsStatus: ResultsStatus;
  resultsComputedAt: string | null;
  bands: Band[];
  totals: StageCounts;
  histogram: number[];
  top: DashboardTopItem[];
  areas: (StageCounts & { unitId: number | null; unitName: string })[];
};

const base = (planId: Id) => `/api/plans/${encodeURIComponent(String(planId))}/dashboard`;

export const dashboardXlsxUrl = (planId: Id) => `${base(planId)}.xlsx`;

export function usePlanDashboard(planId: Id) {
  return useQuery({
    queryKey: ['plan-dashboard', String(planId)],
    queryFn: () => api.get<PlanDashboard>(base(planId)),
  });
}
