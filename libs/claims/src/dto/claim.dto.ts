import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateBy, ValidateIf, ValidateNested, ValidationArguments } from 'class-validator';
import { AssigneeFilter, ListQueryDto, OptionalNotNull, Trimmed } from '@claimdesk/core';

export const SELECTOR_TYPES = ['TextPositionSelector', 'TextQuoteSelector'] as const;
export type SelectorType = (typeof SELECTOR_TYPES)[number];

const normaliseTags = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? [...new Set(value.map((tag) => (typeof tag === 'string' ? tag.trim() : tag)))] : value;
const commaList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value;

const isSelectorType = (type: unknown): type is SelectorType => (SELECTOR_TYPES as readonly unknown[]).includes(type);

/**
 * A field of one selector type, required or optional there. On the other type it is refused rather
 * than ignored: a client that sends `exact` with a position learns that it does nothing.
 */
function FieldOf(type: SelectorType, presence: 'required' | 'optional'): PropertyDecorator {
  const typeOf = (args: ValidationArguments): unknown => (args.object as SelectorDto).type;
  const belongs = ValidateBy({
    name: 'selectorFieldOf',
    validator: {
      // A selector of an unknown type is refused for its type alone; its fields are not judged against it.
      validate: (_value: unknown, args: ValidationArguments) => !isSelectorType(typeOf(args)) || typeOf(args) === type,
      defaultMessage: (args: ValidationArguments) => `${args.property} is a field of a ${type}, not of a ${String(typeOf(args))}`,
    },
  });
  return applyDecorators(ValidateIf((selector: SelectorDto, value: unknown) => value !== undefined || (presence === 'required' && selector.type === type)), belongs);
}

/**
 * A W3C selector: `{ type: "TextPositionSelector", start, end }` (code points, end exclusive) or
 * `{ type: "TextQuoteSelector", exact, prefix?, suffix? }`.
 */
export class SelectorDto {
  @ApiProperty({ enum: SELECTOR_TYPES })
  @IsIn(SELECTOR_TYPES)
  type!: SelectorType;

  @ApiPropertyOptional({ description: 'TextPositionSelector: code point offset' })
  @FieldOf('TextPositionSelector', 'required')
  @IsInt()
  start?: number;

  @ApiPropertyOptional({ description: 'TextPositionSelector: code point offset, exclusive' })
  @FieldOf('TextPositionSelector', 'required')
  @IsInt()
  end?: number;

  @ApiPropertyOptional({ description: 'TextQuoteSelector: the exact text' })
  @FieldOf('TextQuoteSelector', 'required')
  @IsString()
  @MaxLength(100_000)
  exact?: string;

  @ApiPropertyOptional({ description: 'TextQuoteSelector: text just before the quote, to tell repeated quotes apart' })
  @FieldOf('TextQuoteSelector', 'optional')
  @IsString()
  @MaxLength(1000)
  prefix?: string;

  @ApiPropertyOptional({ description: 'TextQuoteSelector: text just after the quote, to tell repeated quotes apart' })
  @FieldOf('TextQuoteSelector', 'optional')
  @IsString()
  @MaxLength(1000)
  suffix?: string;
}

/** One selector object: a list of them (as W3C annotation targets carry) is refused, not read as one. */
const OneSelector = (): PropertyDecorator =>
  applyDecorators(IsObject({ message: 'selector must be one selector object, a TextPositionSelector or a TextQuoteSelector' }), ValidateNested(), Type(() => SelectorDto));

/**
 * The article revision a selector's offsets refer to (API.md, "Integrity"): a position given for an
 * earlier revision is carried to the current text, or refused (409 stale_revision).
 */
const RevisionOfSelector = (): PropertyDecorator => applyDecorators(
  ApiPropertyOptional({ type: Number, minimum: 1, description: 'the article revision the selector\'s offsets refer to; an earlier one: a position is mapped to the current text, or refused with 409 stale_revision' }),
  OptionalNotNull(), IsInt(), Min(1), Max(2_147_483_647),
);

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
  @OptionalNotNull()
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
  @OneSelector()
  selector!: SelectorDto;

  @RevisionOfSelector()
  revision?: number;
}

export class UpdateClaimDto extends ClaimFieldsDto {
  @ApiPropertyOptional({ type: SelectorDto, description: 're-marks the claim; its anchor becomes "anchored"' })
  @OptionalNotNull()
  @OneSelector()
  selector?: SelectorDto;

  @RevisionOfSelector()
  revision?: number;

  @ApiPropertyOptional({ enum: [true], description: 'confirms a fuzzy (or moved) claim at its current place: its anchor becomes "anchored"; an orphaned claim has no place to confirm (409 claim_orphaned)' })
  @OptionalNotNull()
  @IsIn([true], { message: 'confirm must be true' })
  confirm?: true;

  @ApiPropertyOptional({ description: 'required with a selector when the claim has a published verdict (editors only): why the words changed, for readers', maxLength: 20000 })
  @OptionalNotNull()
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'correctionNote must say what changed' })
  @MaxLength(20_000)
  correctionNote?: string;
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

  @AssigneeFilter()
  assignee?: string;
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
