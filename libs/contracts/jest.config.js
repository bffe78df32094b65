/** @type {import('jest').Config} */
module.exports = {
  ...require('../../tools/jest.preset.js'),
  displayName: 'contracts',
  rootDir: __dirname,
  testEnvironment: 'node',
};
