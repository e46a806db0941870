import { isEvaluatingPlan, type PlanTab } from '../campaigns/plan-tab-registry';
import { NominationsTab } from './nominations-tab';

/**
 * Nominations' tab on the plan page (decision 041): candidates, nominations and their way up,
 * once evaluation has started (candidates come from its results). Who may propose, receive or decide is the server's answer.
 */
export const nominationPlanTabs: readonly PlanTab[] = [
  {
    key: 'nominations',
    label: 'Khen thưởng',
    order: 107,
    visible: (p) => isEvaluatingPlan(p),
    render: ({ plan }) => <NominationsTab plan={plan} />,
  },
];
