import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/context';
import { registerResultsRoutes } from './results.routes';
import { registerIndividualRoutes } from './individual.routes';
import { registerDashboardRoutes } from './dashboard.routes';

export function registerEvaluationRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerResultsRoutes(app, deps);
  registerIndividualRoutes(app, deps);
  registerDashboardRoutes(app, deps);
}
