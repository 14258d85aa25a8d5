import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { ListQueryDto, Trimmed } from '@claimdesk/core';

export const SELECTOR_TYPES = ['TextPositionSelector', 'TextQuoteSelector'] as const;
export type SelectorType = (typeof SELECTOR_TYPES)[number];

const normaliseTags = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? [...new Set(value.map((tag) => (typeof tag === 'string' ? tag.trim() : tag)))] : value;
const commaList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value;

/**
 * A W3C selector: `{ type: "TextPositionSelector", start, end }` (code points, end exclusive) or
 * `{ type: "TextQuoteSelector", exact, prefix?, suffix? }`.
 */
export class SelectorDto {
  @ApiProperty({ enum: SELECTOR_TYPES })
  @IsIn(SELECTOR_TYPES)
  type!: SelectorType;

  @ApiPropertyOptional({ description: 'TextPositionSelector: code point offset' })
  @ValidateIf((s: SelectorDto) => s.type === 'TextPositionSelector')
  @IsInt()
  start?: number;

  @ApiPropertyOptional({ description: 'TextPositionSelector: code point offset, exclusive' })
  @ValidateIf((s: SelectorDto) => s.type === 'TextPositionSelector')
  @IsInt()
  end?: number;

  @ApiPropertyOptional({ description: 'TextQuoteSelector: the exact text' })
  @ValidateIf((s: SelectorDto) => s.type === 'TextQuoteSelector')
  @IsString()
  @MaxLength(100_000)
  exact?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  prefix?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  suffix?: string;
}

class ClaimFieldsDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'who made the claim', maxLength: 500 })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(500)
  claimant?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'the claim in one line, as the report will state it', maxLength: 2000 })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(2000)
  claimReviewed?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @Transform(normaliseTags)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(64, { each: true })
  tags?: string[];
}

export class CreateClaimDto extends ClaimFieldsDto {
  @ApiProperty({ oneOf: [{ $ref: getSchemaPath(SelectorDto) }] })
  @ValidateNested()
  @Type(() => SelectorDto)
  selector!: SelectorDto;
}

export class UpdateClaimDto extends ClaimFieldsDto {
  @ApiPropertyOptional({ type: SelectorDto, description: 're-marks the claim; its anchor becomes "anchored"' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SelectorDto)
  selector?: SelectorDto;
}

export class ClaimListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'comma-separated anchors, e.g. fuzzy,orphaned' })
  @IsOptional()
  @Transform(commaList)
  @IsIn(['anchored', 'moved', 'fuzzy', 'orphaned'], { each: true })
  anchor?: string[];

  @ApiPropertyOptional({ description: 'comma-separated statuses: open, in_review, resolved' })
  @IsOptional()
  @Transform(commaList)
  @IsIn(['open', 'in_review', 'resolved'], { each: true })
  status?: string[];
}

export class ClaimCountsQueryDto {
  @ApiProperty({ description: 'comma-separated article ids (at most 200)' })
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(36, { each: true })
  articleIds!: string[];
}
