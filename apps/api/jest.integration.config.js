/** Integration tests: the built server started as a real process on a fresh SQLite file per suite. */
module.exports = {
  ...require('../../tools/jest.preset.js'),
  displayName: 'api-integration',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.integration.ts'],
  testTimeout: 60000,
};
