export * from './audit.module';
export * from './audit.service';
export * from './live-events.service';
export * from './readable-events.service';
export * from './live-event';
export * from './redaction';
export type { AuditEntityType } from './audit-entry.entity';
export { WebhooksModule } from './webhooks/webhooks.module';
