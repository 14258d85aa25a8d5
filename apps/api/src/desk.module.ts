import { DynamicModule, Module, Type } from '@nestjs/common';
import { HeavyWork, HeavyWorkModule, InlineWork, Settings, SettingsModule } from '@claimdesk/core';
import { DatabaseModule } from '@claimdesk/database';
import { AuditModule } from '@claimdesk/audit';
import { IdentityModule } from '@claimdesk/identity';
import { ArticlesModule } from '@claimdesk/articles';
import { ClaimsModule } from '@claimdesk/claims';
import { AnnotationsModule } from '@claimdesk/annotations';
import { SourcesModule } from '@claimdesk/sources';
import { VerdictsModule } from '@claimdesk/verdicts';
import { ReportsModule } from '@claimdesk/reports';
import { FactChecksModule } from '@claimdesk/fact-checks';
import { NotificationsModule } from '@claimdesk/notifications';

/** The desk itself: settings, the database and every domain module. The API and the CLI both compose it. */
@Module({})
export class DeskModule {
  /** `heavyWork` runs CPU-heavy tasks: the API passes its worker pool, the CLI runs them inline. */
  static forRoot(settings: Settings, heavyWork: Type<HeavyWork> = InlineWork): DynamicModule {
    return {
      module: DeskModule,
      imports: [
        SettingsModule.forRoot(settings),
        HeavyWorkModule.forRoot(heavyWork),
        DatabaseModule.forRoot(),
        AuditModule,
        IdentityModule,
        ArticlesModule,
        ClaimsModule,
        AnnotationsModule,
        SourcesModule,
        VerdictsModule,
        ReportsModule,
        FactChecksModule,
        NotificationsModule,
      ],
    };
  }
}
