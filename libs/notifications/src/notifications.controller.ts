import { Body, Controller, Get, Headers, HttpCode, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, ApiPage, ApiProblems, CurrentActor, Page } from '@claimdesk/core';
import { EventsQueryDto, EventStreams, resumeFrom } from '@claimdesk/audit';
import { SessionWatch, tokenOf } from '@claimdesk/identity';
import { MarkReadDto, MySettingsDto, NotificationsQueryDto, PeopleQueryDto } from './dto';
import { EMAIL_CHOICES, EmailChoice } from './notification.entity';
import { NotificationView, UnreadCountView } from './notification.view';
import { NotificationEvents } from './notification-events.service';
import { NotificationsService, Person } from './notifications.service';

class MySettingsView {
  @ApiProperty({ enum: EMAIL_CHOICES }) emailNotifications!: EmailChoice;
}

class PersonView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() email!: string;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/me')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly events: NotificationEvents,
    private readonly streams: EventStreams,
    private readonly sessions: SessionWatch,
  ) {}

  @Get('notifications')
  @ApiPage(NotificationView, 'newest first; only about what the reader can read now')
  @ApiProblems('validation_failed')
  list(@CurrentActor() actor: Actor, @Query() query: NotificationsQueryDto): Promise<Page<NotificationView>> {
    return this.notifications.list(actor, query);
  }

  @Get('notifications/count')
  @ApiOkResponse({ type: UnreadCountView })
  @ApiProblems()
  async count(@CurrentActor() actor: Actor): Promise<UnreadCountView> {
    return { unread: await this.notifications.unreadCount(actor) };
  }

  @Post('notifications/read')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'the named (or all) notifications of the reader are read' })
  @ApiProblems('validation_failed', 'csrf_rejected')
  async markRead(@CurrentActor() actor: Actor, @Body() body: MarkReadDto): Promise<void> {
    await this.notifications.markRead(actor, body);
    // A mention or a reply read leaves the queue.
    this.events.queueChangedFor(actor.id);
  }

  /** The reader's notifications as Server-Sent Events, in the article events' format, with Last-Event-ID replay. */
  @Get('events')
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'the id of the last event received: what came after it is sent first', schema: { type: 'integer', minimum: 0 } })
  @ApiOkResponse({ schema: { type: 'string', description: 'events `notification.created`, each `id:` an increasing integer, `data:` JSON { type, articleId, entityId (the notification\'s id), entity (the Notification), actorId, at }; and `queue.changed` (no `id:`), `data:` { type, articleId, at }: the reader\'s queue may have changed' } })
  @ApiProblems()
  async stream(
    @CurrentActor() actor: Actor,
    @Headers('last-event-id') lastEventHeader: string | undefined,
    @Query() query: EventsQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const since = resumeFrom(lastEventHeader, query);
    await this.streams.stream(request, reply, {
      follow: (send) => this.events.follow(actor.id, since, send),
      signals: (send) => this.events.signals(actor, (signal) => send(signal.type, signal)),
      watchSession: (end) => this.sessions.watch(tokenOf(request) ?? '', end),
    });
  }

  @Get('settings')
  @ApiOkResponse({ type: MySettingsView })
  @ApiProblems()
  async settings(@CurrentActor() actor: Actor): Promise<MySettingsView> {
    return { emailNotifications: await this.notifications.emailChoice(actor.id) };
  }

  @Put('settings')
  @ApiOkResponse({ type: MySettingsView })
  @ApiProblems('validation_failed', 'csrf_rejected')
  async updateSettings(@CurrentActor() actor: Actor, @Body() body: MySettingsDto): Promise<MySettingsView> {
    return { emailNotifications: await this.notifications.setEmailChoice(actor.id, body.emailNotifications) };
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/people')
export class PeopleController {
  constructor(private readonly notifications: NotificationsService) {}

  /** Who can be mentioned (or assigned): active people, for any signed-in user. */
  @Get()
  @ApiPage(PersonView, 'active people by display name')
  @ApiProblems('validation_failed')
  list(@Query() query: PeopleQueryDto): Promise<Page<Person>> {
    return this.notifications.people(query);
  }
}
