import type { FastifyInstance } from 'fastify';
import { userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { auditEndpoints } from '../../../shared/api/audit';
import { listAudit } from './audit.service';

export function registerAuditRoutes(app: FastifyInstance, deps: AppDeps): void {
  route(app, auditEndpoints.list, async (req) => listAudit(userCtx(deps, req), req.query));
}
