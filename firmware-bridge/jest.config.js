module.exports = {
  ...require('../tools/jest.preset.js'),
  displayName: 'firmware-bridge',
  rootDir: __dirname,
  testEnvironment: 'node',
};
