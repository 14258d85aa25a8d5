// Path aliases mirror tsconfig.json "paths"; keep the two in step.
const aliases = ['core', 'text', 'database', 'identity', 'audit', 'articles', 'claims', 'annotations', 'sources', 'verdicts', 'reports', 'fact-checks'];
const moduleNameMapper = {};
aliases.push('notifications');
for (const name of aliases) {
  moduleNameMapper[`^@claimdesk/${name}$`] = `<rootDir>/libs/${name}/src`;
  moduleNameMapper[`^@claimdesk/${name}/(.*)$`] = `<rootDir>/libs/${name}/src/$1`;
}
moduleNameMapper['^@claimdesk/api/(.*)$'] = '<rootDir>/apps/api/src/$1';

const base = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  rootDir: '.',
  testEnvironment: 'node',
  // Type checking runs once in `npm run typecheck`; jest only transpiles, which keeps the suite fast.
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // A few dependencies ship only ES modules; Node 20 loads them natively, jest needs them transpiled.
    '^.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|css-select|css-what|nth-check|boolbase|domutils|domhandler|dom-serializer|entities|htmlparser2|domelementtype|cssomnom|uhyphen)/)'],
  moduleNameMapper,
};

// The API suites hash passwords at a test cost (libs/identity/src/password.ts, usePasswordCost); the unit
// suite, passwords.e2e-spec.ts and the built app in the browser and fault suites keep the full cost.
const passwordCost = '<rootDir>/test/support/test-password-cost.ts';

module.exports = {
  // E2E suites boot the app and hash passwords; the default 5 s is too tight on a busy machine.
  // scrypt at OWASP's minimum cost (N=2^17) takes seconds per hash on a busy 2-core machine.
  testTimeout: 60000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/api/**/*.spec.ts', '<rootDir>/apps/cli/**/*.spec.ts', '<rootDir>/apps/web/src/**/*.spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'], setupFiles: [passwordCost] },
    { ...base, displayName: 'cli', testMatch: ['<rootDir>/test/cli/**/*.cli-spec.ts'], setupFiles: [passwordCost] },
    { ...base, displayName: 'conformance', testMatch: ['<rootDir>/test/conformance/**/*.spec.ts'], setupFiles: [passwordCost] },
    // Needs TEST_DATABASE_URL (PostgreSQL): run by `npm run test:pg`, not by `npm test`.
    { ...base, displayName: 'pg', testMatch: ['<rootDir>/test/pg/**/*.pg-spec.ts'], setupFiles: [passwordCost] },
    // The built desk as a child process, killed and starved (kill -9, full disk, PostgreSQL restart): `npm run test:faults`.
    { ...base, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'] },
  ],
};
