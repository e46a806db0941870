import type { FastifyInstance } from 'fastify';
import { userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { auditEndpoints } from '../../../shared/api/audit';
import { listAudit, publicAuditAnchor } from './audit.service';
import { anchorDirOf } from '../../platform/audit-anchor';

export function registerAuditRoutes(app: FastifyInstance, deps: AppDeps): void {
  route(app, auditEndpoints.list, async (req) => listAudit(userCtx(deps, req), req.query));
  route(app, auditEndpoints.anchor, async () =>
    publicAuditAnchor(anchorDirOf(deps.config.dataDir)),
  );
}
