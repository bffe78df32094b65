// Shared Jest settings: ts-jest without type-checking (the `typecheck` target does that once),
// and the @olympiad/* path aliases of tsconfig.base.json.
const path = require('node:path');
const root = path.resolve(__dirname, '..');

/** @type {import('jest').Config} */
module.exports = {
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: path.join(root, 'tsconfig.jest.json'), diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper: {
    '^@olympiad/(contracts|i18n|scoring|ui)$': path.join(root, 'libs/$1/src/index'),
  },
};
