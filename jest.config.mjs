// Jest in ESM mode (NestJS 12 is ESM-only): run with NODE_OPTIONS=--experimental-vm-modules.
const libs = ['core', 'reference', 'organizations', 'identity', 'notifications', 'opportunities', 'matching', 'obligations', 'agreements', 'reminders', 'monitoring'];
export default {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  moduleNameMapper: {
    ...Object.fromEntries(libs.map((l) => [`^@jalin/${l}$`, `<rootDir>/libs/${l}/src/index.ts`])),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  testTimeout: 30000,
};
