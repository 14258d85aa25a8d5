import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnnotationsModule } from '@claimdesk/annotations';
import { ArticlesModule } from '@claimdesk/articles';
import { ClaimsModule } from '@claimdesk/claims';
import { SourcesModule } from '@claimdesk/sources';
import { VerdictsModule } from '@claimdesk/verdicts';
import { AnnotationImportService } from './exchange/annotation-import.service';
import { ImportedItem } from './exchange/imported-item.entity';
import { ExchangeController } from './exchange/exchange.controller';
import { ReportsController } from './report-builder/reports.controller';
import { ReportsService } from './report-builder/reports.service';
import { SearchController } from './search/search.controller';
import { SearchService } from './search/search.service';
import { SearchIndexService } from './search/search-index.service';
import { WorkspaceController } from './workspace/workspace.controller';
import { WorkspaceService } from './workspace/workspace.service';

/**
 * Views across the desk: the reviewer workspace, verdict reports, and the exchange formats. It reads
 * through the other modules' services; imports write through them too, never to their tables (only
 * to its own record of what was imported).
 */
@Module({
  imports: [TypeOrmModule.forFeature([ImportedItem]), ArticlesModule, ClaimsModule, AnnotationsModule, SourcesModule, VerdictsModule],
  controllers: [WorkspaceController, ReportsController, ExchangeController, SearchController],
  providers: [WorkspaceService, ReportsService, AnnotationImportService, SearchService, SearchIndexService],
  exports: [WorkspaceService, ReportsService, AnnotationImportService, SearchService, SearchIndexService],
})
export class ReportsModule {}
