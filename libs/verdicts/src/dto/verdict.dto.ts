import { ApiProperty, ApiPropertyOptional, ApiSchema, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNumber, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { OptionalNotNull } from '@claimdesk/core';

export class CreateVerdictDto {
  @ApiPropertyOptional({ default: 'claimdesk-6' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(64)
  scaleId?: string;

  @ApiProperty({ description: 'a level key of the scale, e.g. mostly-false' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  rating!: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Markdown; required to submit' })
  @IsOptional()
  @IsString()
  @MaxLength(50_000)
  rationale?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  confidence?: number | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'the published verdict of the same claim this corrects' })
  @OptionalNotNull()
  @IsUUID()
  supersedes?: string;

  @ApiPropertyOptional({ description: 'required with supersedes: what the correction changes, for readers' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  correctionNote?: string;
}

/** What an author may still change in a draft; a rating may be left out but not set to null. */
export class UpdateVerdictDto extends PartialType(PickType(CreateVerdictDto, ['rating', 'rationale', 'confidence', 'correctionNote'] as const), { skipNullProperties: false }) {}

/** The body of submit, approve and publish: none, or `{}`. It has no fields, so any field is refused. */
@ApiSchema({ description: 'no fields: send no body, or {}' })
export class TransitionDto {}

export class ReviewNoteDto {
  @ApiProperty({ description: 'why: shown to the author and kept in the history' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  note!: string;
}

export class RatingLevelDto {
  @ApiProperty({ example: 'mostly-false' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'key must be a lower-case slug' })
  key!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  label!: string;

  @ApiProperty({ nullable: true, type: Number, description: 'null for a rating off the truth axis' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number | null;

  @ApiProperty()
  @IsString()
  @MaxLength(2000)
  description!: string;
}

export class CreateRatingScaleDto {
  @ApiProperty({ example: 'newsroom-4' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'id must be a lower-case slug of 2 to 64 characters' })
  id!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ type: [RatingLevelDto] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @IsObject({ each: true, message: 'each level must be one level object' })
  @ValidateNested({ each: true })
  @Type(() => RatingLevelDto)
  levels!: RatingLevelDto[];

  @ApiProperty()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  bestRating!: number;

  @ApiProperty()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  worstRating!: number;
}
