import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { readSettings, Settings } from '@claimdesk/core';
import { DeskModule } from './desk.module';
import { ETagInterceptor } from './etag.interceptor';
import { HealthController } from './health.controller';

/** Composition only: the desk's modules, the database, logging and health. */
@Module({})
export class AppModule {
  static forRoot(settings: Settings = readSettings()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DeskModule.forRoot(settings),
        LoggerModule.forRoot({
          pinoHttp: {
            level: settings.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req) => req.url === '/health' },
          },
        }),
        TerminusModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_INTERCEPTOR, useClass: ETagInterceptor }],
    };
  }
}
