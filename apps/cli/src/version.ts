// Bundled into dist at build time, so the binary knows its version wherever it is copied.
import { version } from '../../../package.json';

export const CLI_VERSION: string = version;
