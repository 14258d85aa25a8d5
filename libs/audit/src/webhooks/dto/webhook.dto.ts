import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { HTTP_URL, MaxEncodedLength, Trimmed } from '@claimdesk/core';
import { EVERY_EVENT, WEBHOOK_EVENT_TYPES } from '../event-filter';

const SUBSCRIBABLE = [EVERY_EVENT, ...WEBHOOK_EVENT_TYPES];

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://hooks.newsroom.example/claimdesk' })
  @Trimmed()
  @IsUrl(HTTP_URL, { message: 'url must be an http(s) URL' })
  @MaxLength(2048)
  @MaxEncodedLength(2048)
  url!: string;

  @ApiProperty({ type: [String], enum: SUBSCRIBABLE, example: ['verdict.published'], description: 'live-event types, or "*" for every event' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SUBSCRIBABLE.length)
  @ArrayUnique()
  @IsIn(SUBSCRIBABLE, { each: true, message: `each of events must be "*" or one of ${WEBHOOK_EVENT_TYPES.join(', ')}` })
  events!: string[];

  @ApiProperty({ minLength: 16, maxLength: 200, description: 'signs each delivery; never sent back' })
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  secret!: string;
}
