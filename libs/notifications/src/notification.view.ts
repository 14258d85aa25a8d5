import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_TYPES, NotificationType } from './recipients';

export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES }) type!: NotificationType;
  @ApiProperty({ type: String, nullable: true }) articleId!: string | null;
  @ApiProperty({ type: String, nullable: true }) claimId!: string | null;
  @ApiProperty({ description: 'the note (mentioned, reply), verdict, claim or article the change was to' }) entityId!: string;
  @ApiProperty({ type: String, nullable: true }) actorId!: string | null;
  @ApiProperty() at!: string;
  @ApiProperty({ type: String, nullable: true }) readAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'added: the article\'s title, for lists' }) articleTitle!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'added: the claim\'s quote, for lists' }) quote!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'added: the actor\'s display name, for lists' }) actorName!: string | null;
}

export class UnreadCountView {
  @ApiProperty({ description: 'unread notifications the reader may read' }) unread!: number;
}

