import { useQuery } from '@tanstack/react-query';
import { callEndpoint, endpointUrl } from '../../api/endpoint';
import type { Id } from '../../api/types';
import { resultsEndpoints as e } from '../../../shared/api/results';

/** The campaign dashboard: server/modules/evaluation/dashboard.service.ts. */

// The response types are the contract's (shared/api/results.ts).
export type {
  DashboardSheetStatus as SheetStatus,
  DashboardStage,
  DashboardTopItem,
  PlanDashboard,
  StageCounts,
} from '../../../shared/api/results';

export const dashboardXlsxUrl = (planId: Id) =>
  endpointUrl(e.dashboardXlsx, { params: { id: planId } });

export function usePlanDashboard(planId: Id) {
  return useQuery({
    queryKey: ['plan-dashboard', String(planId)],
    queryFn: () => callEndpoint(e.dashboard, { params: { id: planId } }),
  });
}
