import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from '../audit-entry.entity';
import { WebhookDeliveries } from './webhook-deliveries';
import { Webhook, WebhookCursor, WebhookDelivery } from './webhook.entity';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Webhooks for newsroom systems. Part of the API process only: the CLI's short runs send nothing. */
@Module({
  imports: [TypeOrmModule.forFeature([Webhook, WebhookDelivery, WebhookCursor, AuditEntry])],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookDeliveries],
})
export class WebhooksModule {}
