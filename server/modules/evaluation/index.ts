export { registerEvaluationRoutes } from './evaluation.routes';
export { ensureExampleCriteriaSet } from './criteria.example';
