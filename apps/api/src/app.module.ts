import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { readSettings, Settings, SettingsModule } from '@claimdesk/core';
import { DatabaseModule } from '@claimdesk/database';
import { AuditModule } from '@claimdesk/audit';
import { IdentityModule } from '@claimdesk/identity';
import { ArticlesModule } from '@claimdesk/articles';
import { ClaimsModule } from '@claimdesk/claims';
import { AnnotationsModule } from '@claimdesk/annotations';
import { SourcesModule } from '@claimdesk/sources';
import { VerdictsModule } from '@claimdesk/verdicts';
import { ReportsModule } from '@claimdesk/reports';
import { ETagInterceptor } from './etag.interceptor';
import { HealthController } from './health.controller';

/** Composition only: the desk's modules, the database, logging and health. */
@Module({})
export class AppModule {
  static forRoot(settings: Settings = readSettings()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        SettingsModule.forRoot(settings),
        LoggerModule.forRoot({
          pinoHttp: {
            level: settings.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req) => req.url === '/health' },
          },
        }),
        TerminusModule,
        DatabaseModule.forRoot(),
        AuditModule,
        IdentityModule,
        ArticlesModule,
        ClaimsModule,
        AnnotationsModule,
        SourcesModule,
        VerdictsModule,
        ReportsModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_INTERCEPTOR, useClass: ETagInterceptor }],
    };
  }
}
