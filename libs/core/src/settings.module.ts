import { DynamicModule, Global, Module } from '@nestjs/common';
import { readSettings, Settings, SETTINGS } from './settings';

@Global()
@Module({})
export class SettingsModule {
  /** Provides the validated settings; tests pass their own instead of the process environment. */
  static forRoot(settings: Settings = readSettings()): DynamicModule {
    return { module: SettingsModule, providers: [{ provide: SETTINGS, useValue: settings }], exports: [SETTINGS] };
  }
}
