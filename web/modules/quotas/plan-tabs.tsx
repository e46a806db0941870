import { isEvaluatingPlan, type PlanTab } from '../campaigns/plan-tab-registry';
import { QuotaWhatIfTab } from './quota-what-if';

/** Quotas' tab on the plan page: the what-if of its quotas, once evaluation has started. */
export const quotaPlanTabs: readonly PlanTab[] = [
  {
    key: 'quotas',
    label: 'Hạn mức khen thưởng',
    order: 105,
    visible: isEvaluatingPlan,
    render: ({ plan }) => <QuotaWhatIfTab plan={plan} />,
  },
];
