import { ApiProperty } from '@nestjs/swagger';
import { DeliveryState, Webhook, WebhookDelivery } from './webhook.entity';
import { secretHint } from './webhook-signature';

export class WebhookView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [String] }) events!: string[];
  @ApiProperty({ example: '…k3y9', description: 'the last four characters of the secret; the secret itself is never sent back' }) secretHint!: string;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty() createdAt!: string;
}

export class DeliveryView {
  @ApiProperty({ format: 'uuid', description: 'also sent as X-ClaimDesk-Delivery' }) id!: string;
  @ApiProperty({ format: 'uuid' }) webhookId!: string;
  @ApiProperty({ example: 'verdict.published' }) event!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'the live event id; null for a test ping' }) eventId!: number | null;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'], description: 'failed: every retry failed' }) state!: DeliveryState;
  @ApiProperty({ type: Number, nullable: true, description: 'the HTTP status of the last answer; null before any or without one' }) status!: number | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'when a pending delivery is tried next' }) nextAttemptAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) deliveredAt!: string | null;
  @ApiProperty() createdAt!: string;
}

export function toWebhookView(hook: Webhook): WebhookView {
  return { id: hook.id, url: hook.url, events: JSON.parse(hook.events) as string[], secretHint: secretHint(hook.secret), createdBy: hook.createdBy, createdAt: hook.createdAt };
}

export function toDeliveryView(delivery: WebhookDelivery): DeliveryView {
  return {
    id: delivery.id,
    webhookId: delivery.webhookId,
    event: delivery.event,
    eventId: delivery.seq === null ? null : Number(delivery.seq),
    state: delivery.state,
    status: delivery.status,
    attempts: delivery.attempts,
    lastError: delivery.lastError,
    nextAttemptAt: delivery.state === 'pending' ? delivery.nextAttemptAt : null,
    deliveredAt: delivery.deliveredAt,
    createdAt: delivery.createdAt,
  };
}
