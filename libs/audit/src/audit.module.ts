import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit-entry.entity';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { EventStreams } from './event-streams';
import { LiveEvents } from './live-events.service';
import { ReadableEvents } from './readable-events.service';

/** Global: every domain module records its changes here. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  controllers: [AuditController],
  providers: [AuditService, LiveEvents, ReadableEvents, EventStreams],
  exports: [AuditService, LiveEvents, ReadableEvents, EventStreams],
})
export class AuditModule {}
