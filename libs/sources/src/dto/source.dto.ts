import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, IsUrl, IsUUID, MaxLength, MinLength, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';
import { HTTP_URL, IsIsoTime, ListQueryDto, MaxEncodedLength, OptionalNotNull, Trimmed } from '@claimdesk/core';
import { SOURCE_KINDS, SourceKind, Stance, STANCES } from '../source.entity';


class SourceFieldsDto {
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(1000)
  title?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(300)
  publisher?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'ISO 8601 date or time' })
  @IsOptional()
  @IsIsoTime()
  publishedAt?: string | null;

  @ApiPropertyOptional({ enum: SOURCE_KINDS, default: 'other' })
  @OptionalNotNull()
  @IsIn(SOURCE_KINDS)
  kind?: SourceKind;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'a copy in a web archive' })
  @IsOptional()
  @IsUrl(HTTP_URL)
  @MaxLength(2048)
  @MaxEncodedLength(2048)
  archiveUrl?: string | null;
}

export class CreateSourceDto extends SourceFieldsDto {
  @ApiProperty({ example: 'https://www.interpol.int/News-and-Events/News/2018/Kim-Jong-yang-elected' })
  @Trimmed()
  @IsUrl(HTTP_URL, { message: 'url must be an http(s) URL' })
  @MaxLength(2048)
  @MaxEncodedLength(2048)
  url!: string;
}

export class UpdateSourceDto extends SourceFieldsDto {}

/** `sourceId` or `source`: one of them is checked when it is there, or when neither is; both at once are refused. */
const givenOrNeither = (field: 'sourceId' | 'source') => (dto: AttachSourceDto): boolean =>
  dto[field] !== undefined || (dto.sourceId === undefined && dto.source === undefined);
const NotBesideSourceId = (): PropertyDecorator => ValidateBy({
  name: 'notBesideSourceId',
  validator: { validate: (_value: unknown, args) => (args?.object as AttachSourceDto).sourceId === undefined, defaultMessage: () => 'give sourceId or source, not both' },
});

export class AttachSourceDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'an existing source; or give `source`' })
  @ValidateIf(givenOrNeither('sourceId'))
  @IsUUID()
  sourceId?: string;

  @ApiPropertyOptional({ type: CreateSourceDto, description: 'a new or known source by URL; or give `sourceId`' })
  @ValidateIf(givenOrNeither('source'))
  @NotBesideSourceId()
  @IsObject({ message: 'source must be one source object' })
  @ValidateNested()
  @Type(() => CreateSourceDto)
  source?: CreateSourceDto;

  @ApiProperty({ enum: STANCES })
  @IsIn(STANCES)
  stance!: Stance;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'the passage of the source that matters' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  excerpt?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  note?: string | null;
}

export class SourceListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'searches title, publisher and URL' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'exact match after normalisation' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  url?: string;
}
