export { registerEvaluationRoutes } from './evaluation.routes';
export { countScoreSheetsWaiting } from './sheet-list.service';
export { listAssessmentDeadlines, type AssessmentDeadline } from './todo.queries';
export { provideScoreSheets } from './sheet-provision';
