// Browser tests: Debian's Chromium (playwright-core) against the built app (`npm run build` first),
// each suite on its own server and temporary SQLite database. Run with `npm run test:browser`.
module.exports = {
  rootDir: '../..',
  displayName: 'browser',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/browser/*.browser-spec.ts'],
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 60000,
  maxWorkers: 1,
};
