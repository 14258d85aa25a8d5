import { InitialSchema1764400000000 } from './1764400000000-initial-schema';

/** Every migration, oldest first. Listed as classes so bundled builds need no file globbing. */
export const MIGRATIONS = [InitialSchema1764400000000];
