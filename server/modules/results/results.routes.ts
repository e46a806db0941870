import type { FastifyInstance, FastifyRequest } from 'fastify';
import { publicCtx, userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { parseIdParam } from '../../platform/validation';
import { resultsEndpoints as e } from '../../../shared/api/results';
import { getPublicPlan } from '../campaigns/index';
import { computeResults, listResults, publishResults, reopenResults } from './results.service';

const planId = (req: FastifyRequest) => parseIdParam(req.params, 'Mã kế hoạch');

/** Classification, ranking and publication of a campaign's results; the public ranking. */
export function registerResultsRoutes(app: FastifyInstance, deps: AppDeps): void {
  route(app, e.list, async (req) => listResults(userCtx(deps, req), planId(req), req.query));
  route(app, e.compute, async (req) => computeResults(userCtx(deps, req), planId(req)));
  route(app, e.publish, async (req) => publishResults(userCtx(deps, req), planId(req)));
  route(app, e.reopen, async (req) => reopenResults(userCtx(deps, req), planId(req), req.body));
  route(app, e.publicList, async (req) => {
    const ctx = publicCtx(deps, req);
    await getPublicPlan(ctx, planId(req)); // drafts and cancelled plans: 404, as on the plan pages
    return listResults(ctx, planId(req), req.query);
  });
}
