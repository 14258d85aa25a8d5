import { DynamicModule, Module } from '@nestjs/common';
import { Settings } from '@claimdesk/core';
import { DeskModule } from '@claimdesk/api/desk.module';

/**
 * Composition only, like the API's AppModule: the same desk on the same database, without HTTP,
 * health checks or request logging. Commands call the modules' services.
 */
@Module({})
export class CliModule {
  static forRoot(settings: Settings): DynamicModule {
    return { module: CliModule, imports: [DeskModule.forRoot(settings)] };
  }
}
