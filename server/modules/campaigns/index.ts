export { registerCampaignRoutes } from './campaigns.routes';
export { createPlan, issuePlan, updateDraft, getVisiblePlan } from './plans.service';
export { advancePlanStatuses, sendCascadeReminders, startChildPlan } from './cascade.service';
export type { PlanRecord } from './campaigns.schemas';
