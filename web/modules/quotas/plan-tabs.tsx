import { isEvaluatingPlan, type PlanTab } from '../campaigns/plan-tab-registry';
import { QuotaWhatIfTab } from './quota-what-if';

/**
 * Quotas' tab on the plan page: the what-if of its quotas, once evaluation has started, for those
 * who may run it (`permissions.canSimulateQuota`: quota.simulate over the issuing unit).
 */
export const quotaPlanTabs: readonly PlanTab[] = [
  {
    key: 'quotas',
    label: 'Hạn mức khen thưởng',
    order: 105,
    visible: (p) => p.permissions.canSimulateQuota === true && isEvaluatingPlan(p),
    render: ({ plan }) => <QuotaWhatIfTab plan={plan} />,
  },
];
