import type { FastifyInstance } from 'fastify';
import { userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { notificationEndpoints as e } from '../../../shared/api/notifications';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from './notifications.service';

export function registerNotificationRoutes(app: FastifyInstance, deps: AppDeps): void {
  route(app, e.list, async (req) => listNotifications(userCtx(deps, req), req.query));
  route(app, e.markRead, async (req) =>
    markNotificationRead(userCtx(deps, req), (req.params as { id?: string }).id),
  );
  route(app, e.markAllRead, async (req) => markAllNotificationsRead(userCtx(deps, req)));
}
