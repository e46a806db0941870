import type { FastifyInstance } from 'fastify';
import { userCtx, type AppDeps } from '../../http/context';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from './notifications.service';

export function registerNotificationRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/notifications', async (req) => listNotifications(userCtx(deps, req), req.query));
  app.post('/api/notifications/:id/read', async (req) =>
    markNotificationRead(userCtx(deps, req), (req.params as { id?: string }).id),
  );
  app.post('/api/notifications/read-all', async (req) =>
    markAllNotificationsRead(userCtx(deps, req)),
  );
}
