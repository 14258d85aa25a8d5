import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { readSettings, Settings } from '@claimdesk/core';
import { WebhooksModule } from '@claimdesk/audit';
import { DeskModule } from './desk.module';
import { HealthController } from './health.controller';
import { WorkerPool } from './worker-pool';

/** Composition only: the desk's modules, the database and health. (Logging is Fastify's: see logging.ts.) */
@Module({})
export class AppModule {
  static forRoot(settings: Settings = readSettings()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DeskModule.forRoot(settings, WorkerPool),
        TerminusModule,
        WebhooksModule,
      ],
      controllers: [HealthController],
    };
  }
}
