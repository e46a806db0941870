import { isEvaluatingPlan, isLivePlan, type PlanTab } from '../campaigns/plan-tab-registry';
import { PlanDashboardTab } from './dashboard-tab';
import { PlanEvaluationTab } from './plan-evaluation';
import { PlanResultsTab } from './results-tab';

/**
 * Evaluation's tabs on the plan page: the criteria and deadline (from issue on, and on a draft to
 * whoever drafts it); once evaluation has started, the overview (to those the server allows:
 * `permissions.canViewDashboard`) and the results.
 */
export const evaluationPlanTabs: readonly PlanTab[] = [
  {
    key: 'evaluation',
    label: 'Đánh giá',
    order: 80,
    visible: (p) => isLivePlan(p) || (p.status === 'draft' && p.permissions.canEdit),
    render: ({ plan }) => <PlanEvaluationTab plan={plan} />,
  },
  {
    key: 'dashboard',
    label: 'Tổng quan đánh giá',
    order: 90,
    visible: (p) => p.permissions.canViewDashboard === true && isEvaluatingPlan(p),
    render: ({ plan }) => <PlanDashboardTab plan={plan} />,
  },
  {
    key: 'results',
    label: 'Kết quả',
    order: 100,
    visible: isEvaluatingPlan,
    render: ({ plan }) => <PlanResultsTab plan={plan} />,
  },
];
