export * from './address-policy';
export * from './charset';
export * from './fetch-page';
export * from './page-fetcher';
export type { FetchSettings } from './fetch-settings';
