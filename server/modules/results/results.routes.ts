import type { FastifyInstance, FastifyRequest } from 'fastify';
import { publicCtx, userCtx, type AppDeps } from '../../http/context';
import { id, parseInput } from '../../platform/validation';
import { getPublicPlan } from '../campaigns/index';
import { computeResults, listResults, publishResults, reopenResults } from './results.service';

const planId = (req: FastifyRequest) =>
  parseInput(id, (req.params as { id?: string }).id, { '(dữ liệu)': 'Mã kế hoạch' });

/** Classification, ranking and publication of a campaign's results; the public ranking. */
export function registerResultsRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/plans/:id/results', async (req) =>
    listResults(userCtx(deps, req), planId(req), req.query),
  );
  app.post('/api/plans/:id/results/compute', async (req) =>
    computeResults(userCtx(deps, req), planId(req)),
  );
  app.post('/api/plans/:id/results/publish', async (req) =>
    publishResults(userCtx(deps, req), planId(req)),
  );
  app.post('/api/plans/:id/results/reopen', async (req) =>
    reopenResults(userCtx(deps, req), planId(req), req.body),
  );
  app.get('/api/public/plans/:id/results', async (req) => {
    const ctx = publicCtx(deps, req);
    await getPublicPlan(ctx, planId(req)); // drafts and cancelled plans: 404, as on the plan pages
    return listResults(ctx, planId(req), req.query);
  });
}
