export {
  notifyUnit,
  notificationWrite,
  listNotifications,
  markNotificationRead,
  type NewNotification,
} from './notifications.service';
export { actingUnits, notifyUnitSide } from './notifications.recipients';
export { registerNotificationRoutes } from './notifications.routes';
