export {
  notifyUnit,
  listNotifications,
  markNotificationRead,
  type NewNotification,
} from './notifications.service';
export { registerNotificationRoutes } from './notifications.routes';
