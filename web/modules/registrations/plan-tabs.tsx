import { isLivePlan, type PlanTab } from '../campaigns/plan-tab-registry';
import { PlanRegistrations } from './plan-registrations';

/** The registrations tab: from issue on, and on a cancelled plan that had been issued. */
export const registrationPlanTabs: readonly PlanTab[] = [
  {
    key: 'registrations',
    label: 'Đăng ký thi đua',
    order: 50,
    visible: (p) => isLivePlan(p) || (p.status === 'cancelled' && p.documentVersion > 0),
    render: ({ plan }) => <PlanRegistrations plan={plan} />,
  },
];
