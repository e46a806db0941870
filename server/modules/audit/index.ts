export { listAudit, entityHistory } from './audit.service';
export { registerAuditRoutes } from './audit.routes';
