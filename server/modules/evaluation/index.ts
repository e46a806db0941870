export { registerEvaluationRoutes } from './evaluation.routes';
export { ensureExampleCriteriaSet } from './criteria.example';
export { countScoreSheetsWaiting } from './sheet-list.service';
export { listAssessmentDeadlines, type AssessmentDeadline } from './todo.queries';
export { provideScoreSheets } from './sheet-provision';
export { planEvaluationContributions } from './plan-evaluation.service';
