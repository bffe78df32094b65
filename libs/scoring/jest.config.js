/** @type {import('jest').Config} */
module.exports = {
  ...require('../../tools/jest.preset.js'),
  displayName: 'scoring',
  rootDir: __dirname,
  testEnvironment: 'node',
};
