import type { FastifyInstance } from 'fastify';
import { userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { parseIdParam } from '../../platform/validation';
import { quotaEndpoints as e } from '../../../shared/api/quotas';
import { whatIfQuota } from './quotas.service';

/** Quotas: the what-if of a plan's quota over its published results. */
export function registerQuotaRoutes(app: FastifyInstance, deps: AppDeps): void {
  route(app, e.whatIf, async (req) =>
    whatIfQuota(userCtx(deps, req), parseIdParam(req.params, 'Mã kế hoạch'), req.body),
  );
}
