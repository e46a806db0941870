export { notifyUnit, type NewNotification } from './notifications.service';
export { registerNotificationRoutes } from './notifications.routes';
