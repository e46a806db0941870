export { registerCampaignRoutes } from './campaigns.routes';
export { closePlan, createPlan, updateDraft, getVisiblePlan } from './plans.service';
export { claimPlanSettingsChange } from './plan-settings';
export type {
  PlanContributions,
  PlanEvaluationFacts,
  PublicPlanEvaluationFacts,
} from './plan-contributions';
export { issuePlan, recordIssuedPlan } from './issue-plan';
export { advancePlanStatuses, sendCascadeReminders, startChildPlan } from './cascade.service';
export type { PlanRecord } from './campaigns.schemas';
export { draftFromReading } from './plan-import.service';
export { readPlanText } from './plan-reader/read-plan';
export { extractPlanText } from './plan-reader/extract-text';
export { formatPlanSummary } from './plan-reader/summary';
export { sendPlanDeadlineReminders } from './deadline-reminders';
export { issuingBodyName, placeOf } from './campaigns.rules';
export { getPublicPlan } from './public.service';
export { issuerShortName, planFileName, planReference } from './plan-file-name';
export {
  listCascadeDeadlines,
  listPendingCascade,
  type CascadeDeadline,
  type PendingCascade,
} from './todo.queries';
// Stable ids of plan items (decision 025): what commendation and contests point at and lock.
export {
  findPlanItem,
  listPlanItems,
  type PlanItem,
  type PlanItemKind,
  type PlanCriterion,
} from '../../../shared/plan-items';
