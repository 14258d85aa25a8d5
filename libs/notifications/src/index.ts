export * from './notifications.module';
export * from './notifications.service';
export * from './notification.view';
export * from './notification-writer.service';
export * from './mail/mail-outbox.service';
export { NOTIFICATION_TYPES } from './recipients';
export type { NotificationType } from './recipients';
