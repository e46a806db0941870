export { registerCampaignRoutes } from './campaigns.routes';
export { closePlan, createPlan, updateDraft, getVisiblePlan } from './plans.service';
export { issuePlan, recordIssuedPlan } from './issue-plan';
export { advancePlanStatuses, sendCascadeReminders, startChildPlan } from './cascade.service';
export type { PlanRecord } from './campaigns.schemas';
export { draftFromReading } from './plan-import.service';
export { readPlanText } from './plan-reader/read-plan';
export { sendPlanDeadlineReminders } from './deadline-reminders';
