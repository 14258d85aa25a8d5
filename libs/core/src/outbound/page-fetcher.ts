import { Inject, Injectable } from '@nestjs/common';
import { version } from '../../../../package.json';
import { Settings, SETTINGS } from '../settings';
import { FetchedPage, fetchPage } from './fetch-page';

/** The desk's pages-from-the-web client, configured from the settings (provide it in the module that fetches). */
@Injectable()
export class PageFetcher {
  readonly userAgent: string;

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {
    this.userAgent = `ClaimDesk/${version} (+${settings.publicUrl})`;
  }

  fetch(url: string): Promise<FetchedPage> {
    return fetchPage(url, { allow: this.settings.fetchAllow, limits: this.settings.fetchLimits, userAgent: this.userAgent });
  }
}
