import { DynamicModule, Module } from '@nestjs/common';
import { Settings, SettingsModule } from '@claimdesk/core';
import { DatabaseModule } from '@claimdesk/database';
import { AuditModule } from '@claimdesk/audit';
import { IdentityModule } from '@claimdesk/identity';
import { ArticlesModule } from '@claimdesk/articles';
import { ClaimsModule } from '@claimdesk/claims';
import { AnnotationsModule } from '@claimdesk/annotations';
import { SourcesModule } from '@claimdesk/sources';
import { VerdictsModule } from '@claimdesk/verdicts';
import { ReportsModule } from '@claimdesk/reports';

/**
 * Composition only, like the API's AppModule: the same desk modules on the same database, without
 * HTTP, health checks or request logging. Commands call the modules' services.
 */
@Module({})
export class CliModule {
  static forRoot(settings: Settings): DynamicModule {
    return {
      module: CliModule,
      imports: [
        SettingsModule.forRoot(settings),
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
    };
  }
}
