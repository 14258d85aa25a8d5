import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailOutbox } from './mail/mail-outbox.service';
import { Notification, NotificationDigest, NotificationSetting } from './notification.entity';
import { NotificationEvents } from './notification-events.service';
import { NotificationWriter } from './notification-writer.service';
import { NotificationsController, PeopleController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [TypeOrmModule.forFeature([Notification, NotificationSetting, NotificationDigest])],
  controllers: [NotificationsController, PeopleController],
  providers: [NotificationsService, NotificationWriter, NotificationEvents, MailOutbox],
  exports: [NotificationsService, NotificationWriter, MailOutbox],
})
export class NotificationsModule {}
