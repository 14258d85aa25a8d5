import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Settings, SETTINGS } from '@claimdesk/core';
import { parseDatabaseUrl } from './database-url';
import { dataSourceOptions } from './data-source-options';
import { Transactions } from './transactions';
import { WritePath } from './write-path';

@Global()
@Module({})
export class DatabaseModule {
  /** The one DataSource of the process; migrations run at start, before any request is served. */
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [SETTINGS],
          useFactory: (settings: Settings) => ({
            ...dataSourceOptions(parseDatabaseUrl(settings.databaseUrl)),
            autoLoadEntities: true,
            migrationsRun: true,
            retryAttempts: 0,
          }),
        }),
      ],
      providers: [Transactions, WritePath],
      exports: [Transactions, WritePath],
    };
  }
}
