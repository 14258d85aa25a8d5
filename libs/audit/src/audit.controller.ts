import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ApiPage, ApiProblems, ListQueryDto, Page, Roles } from '@claimdesk/core';
import { AuditEntityType } from './audit-entry.entity';
import { AuditService, AuditView } from './audit.service';

const ENTITY_TYPES: AuditEntityType[] = ['article', 'claim', 'annotation', 'source', 'claim_source', 'verdict', 'user', 'rating_scale', 'session'];

export class AuditQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ENTITY_TYPES })
  @IsOptional()
  @IsIn(ENTITY_TYPES)
  entityType?: AuditEntityType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(36)
  articleId?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('editor')
  @ApiPage(AuditView, 'newest first')
  @ApiProblems('forbidden')
  list(@Query() query: AuditQueryDto): Promise<Page<AuditView>> {
    return this.audit.list(query);
  }
}
