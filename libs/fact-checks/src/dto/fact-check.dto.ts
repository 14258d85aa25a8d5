import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ListQueryDto } from '@claimdesk/core';

export class FactCheckListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'words in the claim reviewed or the headline' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  q?: string;

  @ApiPropertyOptional({ enum: ['desk', 'imported'] })
  @IsOptional()
  @IsIn(['desk', 'imported'])
  source?: 'desk' | 'imported';
}

export class SimilarLimitDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

export class SimilarQueryDto extends SimilarLimitDto {
  @ApiPropertyOptional({ description: 'the claim as it was said or posted (links, handles and signatures are ignored)' })
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  text!: string;
}
