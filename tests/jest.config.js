// Cross-app tests: real server processes on fresh SQLite files, real MQTT, Socket.IO and Chromium.
const preset = require('../tools/jest.preset.js');

const project = (displayName, folder) => ({
  ...preset,
  displayName,
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: [`<rootDir>/${folder}/**/*.spec.ts`],
});

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 120000,
  globalSetup: '<rootDir>/support/temp-root-setup.js',
  globalTeardown: '<rootDir>/support/temp-root-teardown.js',
  projects: [
    { ...project('integration', 'api'), testMatch: ['<rootDir>/api/**/*.spec.ts', '<rootDir>/boundaries/**/*.spec.ts', '<rootDir>/sensors/**/*.spec.ts', '<rootDir>/i18n/**/*.spec.ts', '<rootDir>/soak/**/*.spec.ts'] },
    project('browser', 'browser'),
  ],
};
