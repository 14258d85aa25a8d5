import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ListQueryDto } from '@claimdesk/core';
import { EMAIL_CHOICES, EmailChoice } from './notification.entity';

export class NotificationsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'only unread ones' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class MarkReadDto {
  @ApiPropertyOptional({ type: [String], description: 'notifications to mark read (others\' ids are ignored)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids?: string[];

  @ApiPropertyOptional({ enum: [true], description: 'mark every notification read' })
  @IsOptional()
  @IsIn([true])
  all?: true;
}

export class MySettingsDto {
  @ApiProperty({ enum: EMAIL_CHOICES, description: 'e-mail for notifications: none, each at once, or one digest a day' })
  @IsIn(EMAIL_CHOICES)
  emailNotifications!: EmailChoice;
}

export class PeopleQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'part of a display name or e-mail address, any case' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
