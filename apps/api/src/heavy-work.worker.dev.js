// The worker entry when ClaimDesk runs from its TypeScript sources (jest, ts-node): a worker thread
// is a fresh Node.js without jest's or ts-node's hooks, so it compiles heavy-work.worker.ts on the
// fly (transpile only) and resolves the @claimdesk/* paths of tsconfig.json. The built app uses
// dist/apps/api/heavy-work.worker.js instead (see worker-pool.ts).
const { join } = require('node:path');

const root = join(__dirname, '../../..');
require('ts-node').register({ project: join(root, 'tsconfig.json'), transpileOnly: true });
const tsconfigPaths = require('tsconfig-paths');
const config = tsconfigPaths.loadConfig(root);
tsconfigPaths.register({ baseUrl: config.absoluteBaseUrl, paths: config.paths });

module.exports = require('./heavy-work.worker.ts');
