/**
 * Results (kết quả): compute, classify and rank a plan's sheets, publish and reopen them (which
 * locks every sheet and checklist), the public ranking, the campaign dashboard and individuals'
 * checklists — and what commendation reads: `listQualifyingUnits`, `listEligiblePeople`. The only
 * file other modules may import.
 */
export { registerResultsRoutes } from './results.routes';
export { registerIndividualRoutes } from './individual.routes';
export { registerDashboardRoutes } from './dashboard.routes';
export { computeResults, listResults, publishResults, reopenResults } from './results.service';
export { planDashboard } from './dashboard.service';
export {
  listEligiblePeople,
  listQualifyingUnits,
  type EligiblePerson,
  type QualifyingUnit,
} from './commendation';
