import type { FastifyInstance, FastifyRequest } from 'fastify';
import { userCtx, type AppDeps } from '../../http/context';
import { id, parseInput } from '../../platform/validation';
import { bindPlanCriteria } from './plan-criteria.service';
import { registerAssessmentRoutes } from './assessment.routes';
import { registerAppraisalRoutes } from './appraisal.routes';
import { registerResultsRoutes } from './results.routes';
import { registerIndividualRoutes } from './individual.routes';
import { registerDashboardRoutes } from './dashboard.routes';

const idParam = (req: FastifyRequest) =>
  parseInput(id, (req.params as { id?: string }).id, { '(dữ liệu)': 'Mã' });

export function registerEvaluationRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerAssessmentRoutes(app, deps);
  registerAppraisalRoutes(app, deps);
  registerResultsRoutes(app, deps);
  registerIndividualRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  app.put('/api/plans/:id/evaluation', async (req) =>
    bindPlanCriteria(userCtx(deps, req), idParam(req), req.body),
  );
}
