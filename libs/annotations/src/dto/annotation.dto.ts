import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Motivation, MOTIVATIONS } from '../annotation.entity';

export class CreateAnnotationDto {
  @ApiProperty({ description: 'Markdown', minLength: 1, maxLength: 20000 })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  body!: string;

  @ApiPropertyOptional({ enum: MOTIVATIONS, default: 'commenting' })
  @IsOptional()
  @IsIn(MOTIVATIONS)
  motivation?: Motivation;

  @ApiPropertyOptional({ format: 'uuid', description: 'the note this replies to' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class UpdateAnnotationDto {
  @ApiProperty({ description: 'Markdown', minLength: 1, maxLength: 20000 })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  body!: string;
}
