import type { FastifyInstance } from 'fastify';
import { userCtx, type AppDeps } from '../../http/context';
import { listAudit } from './audit.service';

export function registerAuditRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/audit', async (req) => listAudit(userCtx(deps, req), req.query));
}
