/** @type {import('jest').Config} */
module.exports = {
  ...require('../../tools/jest.preset.js'),
  displayName: 'ui',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  moduleNameMapper: {
    ...require('../../tools/jest.preset.js').moduleNameMapper,
    '\\.css$': require.resolve('./src/testing/style-stub.js'),
  },
};
