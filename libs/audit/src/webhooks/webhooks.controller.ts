import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ApiPage, ApiProblems, CurrentActor, ListQueryDto, Page, Roles } from '@claimdesk/core';
import { CreateWebhookDto } from './dto/webhook.dto';
import { DeliveryView, WebhookView } from './webhook.view';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiCreatedResponse({ type: WebhookView, description: 'sent the live events after this moment' })
  @ApiProblems('forbidden')
  create(@CurrentActor() actor: Actor, @Body() body: CreateWebhookDto): Promise<WebhookView> {
    return this.webhooks.create(actor, body);
  }

  @Get()
  @ApiPage(WebhookView, 'newest first')
  @ApiProblems('forbidden')
  list(@Query() query: ListQueryDto): Promise<Page<WebhookView>> {
    return this.webhooks.list(query);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'removes the webhook and its delivery log; pending retries are dropped' })
  @ApiProblems('forbidden', 'not_found')
  remove(@Param('id') id: string): Promise<void> {
    return this.webhooks.remove(id);
  }

  @Get(':id/deliveries')
  @ApiPage(DeliveryView, 'newest first')
  @ApiProblems('forbidden', 'not_found')
  deliveries(@Param('id') id: string, @Query() query: ListQueryDto): Promise<Page<DeliveryView>> {
    return this.webhooks.deliveryLog(id, query);
  }

  @Post(':id/test')
  @ApiCreatedResponse({ type: DeliveryView, description: 'a `ping` delivery after its first attempt' })
  @ApiProblems('forbidden', 'not_found')
  test(@Param('id') id: string): Promise<DeliveryView> {
    return this.webhooks.test(id);
  }
}
