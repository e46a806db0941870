import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendFile, userCtx, XLSX_TYPE, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { parseIdParam } from '../../platform/validation';
import { resultsEndpoints as e } from '../../../shared/api/results';
import { planDashboard, planDashboardXlsx } from './dashboard.service';

const planId = (req: FastifyRequest) => parseIdParam(req.params, 'Mã kế hoạch');

/** The campaign dashboard and its .xlsx export of the full ranking. */
export function registerDashboardRoutes(app: FastifyInstance, deps: AppDeps): void {
  route(app, e.dashboard, async (req) => planDashboard(userCtx(deps, req), planId(req)));
  route(app, e.dashboardXlsx, async (req, reply) => {
    const { data, fileName } = await planDashboardXlsx(userCtx(deps, req), planId(req));
    return sendFile(reply, data, fileName, XLSX_TYPE);
  });
}
