import { isLivePlan, type PlanTab } from '../campaigns/plan-tab-registry';
import { NominationsTab } from './nominations-tab';

/**
 * Nominations' tab on the plan page (decision 041): candidates, nominations and their way up,
 * once the plan is issued (ad hoc nominations need no results; the candidates do). Who may propose, receive or decide is the server's answer.
 */
export const nominationPlanTabs: readonly PlanTab[] = [
  {
    key: 'nominations',
    label: 'Khen thưởng',
    order: 107,
    visible: (p) => isLivePlan(p),
    render: ({ plan }) => <NominationsTab plan={plan} />,
  },
];
