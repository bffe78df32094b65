const preset = require('../../tools/jest.preset.js');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  displayName: 'console',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '\\.css$': require.resolve('../../libs/ui/src/testing/style-stub.js'),
  },
};
