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

/** The desk itself: settings, the database and every domain module. The API and the CLI both compose it. */
@Module({})
export class DeskModule {
  static forRoot(settings: Settings): DynamicModule {
    return {
      module: DeskModule,
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
