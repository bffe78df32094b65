// The test runner set-up's own tests: unit tests of its decisions, integration tests that start a
// real PostgreSQL cluster and the real `npm test` entry point.
const project = (displayName, testMatch) => ({
  displayName,
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {},
  testMatch,
});

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 120000,
  projects: [
    project('unit', ['<rootDir>/**/*.spec.js']),
    project('integration', ['<rootDir>/**/*.integration.js']),
  ],
};
