import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ListQueryDto, OptionalNotNull, Trimmed } from '@claimdesk/core';
import { SEARCH_KINDS } from '@claimdesk/database';

const KIND = `(${SEARCH_KINDS.join('|')})`;

export class SearchQueryDto extends ListQueryDto {
  @ApiProperty({ minLength: 1, maxLength: 500, description: 'words (all must match) and "quoted phrases"', example: 'Élysée "accused of lying"' })
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  q!: string;

  @ApiPropertyOptional({ description: `comma-separated: ${SEARCH_KINDS.join(', ')}`, example: 'claim,annotation' })
  @OptionalNotNull()
  @IsString()
  @Matches(new RegExp(`^${KIND}(,${KIND})*$`), { message: `type must be a comma-separated list of ${SEARCH_KINDS.join(', ')}` })
  type?: string;
}
