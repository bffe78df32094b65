/** Unit tests: services and adapters against a real SQLite file, no HTTP. */
module.exports = {
  ...require('../../tools/jest.preset.js'),
  displayName: 'api',
  rootDir: __dirname,
  testEnvironment: 'node',
};
