import { registerPlanTabs, type PlanTab } from '../modules/campaigns/plan-tab-registry';
import { campaignPlanTabs } from '../modules/campaigns/plan-tabs';
import { evaluationPlanTabs } from '../modules/evaluation/plan-tabs';
import { registrationPlanTabs } from '../modules/registrations/plan-tabs';
import { quotaPlanTabs } from '../modules/quotas/plan-tabs';
import { nominationPlanTabs } from '../modules/nominations/plan-tabs';

/** Every module's contribution to the plan page's tabs (the registry orders them). */
export const allPlanTabs: readonly PlanTab[] = [
  ...campaignPlanTabs,
  ...registrationPlanTabs,
  ...evaluationPlanTabs,
  ...quotaPlanTabs,
  ...nominationPlanTabs,
];

/** Composes the plan page's tabs; main.tsx calls it once, before the first render. */
export function installPlanTabs(): void {
  registerPlanTabs(...allPlanTabs);
}
