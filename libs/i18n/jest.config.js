/** @type {import('jest').Config} */
module.exports = {
  ...require('../../tools/jest.preset.js'),
  displayName: 'i18n',
  rootDir: __dirname,
  testEnvironment: 'node',
};
