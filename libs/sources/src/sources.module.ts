import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PageFetcher } from '@claimdesk/core';
import { ClaimsModule } from '@claimdesk/claims';
import { SourceSnapshot } from './snapshots/source-snapshot.entity';
import { SnapshotsController } from './snapshots/snapshots.controller';
import { SnapshotsService } from './snapshots/snapshots.service';
import { ClaimSource, Source } from './source.entity';
import { SourcesController } from './sources.controller';
import { SourcesService } from './sources.service';

@Module({
  imports: [TypeOrmModule.forFeature([Source, ClaimSource, SourceSnapshot]), ClaimsModule],
  controllers: [SourcesController, SnapshotsController],
  providers: [SourcesService, PageFetcher, SnapshotsService],
  exports: [SourcesService, SnapshotsService],
})
export class SourcesModule {}
