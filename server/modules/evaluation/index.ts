export { registerEvaluationRoutes } from './evaluation.routes';
