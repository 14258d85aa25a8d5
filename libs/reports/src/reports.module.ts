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
import { QueueController } from './queue/queue.controller';
import { QueueService } from './queue/queue.service';
import { WorkspaceController } from './workspace/workspace.controller';
import { WorkspaceService } from './workspace/workspace.service';

/**
 * Views across the desk: the reviewer workspace, verdict reports, the exchange formats, and each user's
 * queue of work (which reads the claims', articles' and verdicts' tables in one query per reason). It reads
 * through the other modules' services; imports write through them too, never to their tables (only
 * to its own record of what was imported).
 */
@Module({
  imports: [TypeOrmModule.forFeature([ImportedItem]), ArticlesModule, ClaimsModule, AnnotationsModule, SourcesModule, VerdictsModule],
  controllers: [WorkspaceController, ReportsController, ExchangeController, SearchController, QueueController],
  providers: [WorkspaceService, ReportsService, AnnotationImportService, SearchService, SearchIndexService, QueueService],
  exports: [WorkspaceService, ReportsService, AnnotationImportService, SearchService, SearchIndexService, QueueService],
})
export class ReportsModule {}
