export type { NotificationChannel, NotificationParams } from '../db/tables/notify.ts';
export {
  type ChannelAdapter,
  DeliveryError,
  type OutgoingMessage,
  smsGatewayAdapter,
  smtpAdapter,
} from './adapters.ts';
export { backoffMs } from './backoff.ts';
export { isEmailAddress, maskEmail, protectEmail, setUserEmail } from './contacts.ts';
export {
  type DeliveryReport,
  deliverDueNotifications,
  type NotifyDeps,
  type NotifyLogger,
  notifyDepsFrom,
  startNotificationLoop,
} from './dispatch.ts';
export { type EnqueuedNotification, enqueueNotification, type NotificationInput } from './enqueue.ts';
export { registerNotifyRoutes } from './routes.ts';
export type { NotificationTemplate, NotificationTemplates, RenderedMessage, Renderer } from './templates.ts';
