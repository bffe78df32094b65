import nx from '@nx/eslint-plugin';
import importPlugin from 'eslint-plugin-import';
import jest from 'eslint-plugin-jest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Module boundaries (docs/architecture.md#layout): apps never import apps, libs never import apps,
 * and libs/scoring (type:domain) imports no framework: it runs on the server and,
 * offline, on the judge tablet.
 */
const frameworks = [
  '@nestjs/*',
  'typeorm',
  'react',
  'react-dom',
  'react/*',
  'mqtt',
  'aedes',
  'socket.io',
  'socket.io-client',
  'express',
  'better-sqlite3',
  'pg',
];

/**
 * Features own their data (docs/architecture.md#features-own-their-data): a feature folder of the
 * API never imports another feature's `*.entity.ts`; it asks that feature's exported query service.
 * `database/` (the entity list and migrations) and `testing/` are wiring, not features.
 */
const ROOT = fileURLToPath(new URL('.', import.meta.url));
const API_SRC = 'apps/api/src';
const NOT_FEATURES = new Set(['database', 'testing', 'common', 'config']);
const apiFeatures = readdirSync(`${ROOT}${API_SRC}`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !NOT_FEATURES.has(entry.name))
  .map((entry) => entry.name);
const entityZones = apiFeatures.map((feature) => ({
  target: `./${API_SRC}/${feature}/**/*`,
  from: apiFeatures
    .filter((other) => other !== feature)
    .map((other) => `./${API_SRC}/${other}/**/*.entity.ts`),
  message: `reads another feature's data: ask that feature's exported query service instead`,
}));

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  ...nx.configs['flat/react'].map((config) => ({
    ...config,
    files: ['apps/judge/**/*', 'apps/console/**/*', 'apps/leaderboard/**/*', 'libs/ui/**/*'],
  })),
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/coverage',
      '**/.nx',
      'tests/artifacts',
      '**/vite.config.*.timestamp*',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:domain', 'type:data', 'type:ui', 'type:util'],
            },
            {
              sourceTag: 'type:ui',
              onlyDependOnLibsWithTags: ['type:ui', 'type:data', 'type:domain', 'type:util'],
            },
            {
              sourceTag: 'type:data',
              onlyDependOnLibsWithTags: ['type:data', 'type:domain', 'type:util'],
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:util'],
              bannedExternalImports: frameworks,
            },
            {
              sourceTag: 'type:util',
              onlyDependOnLibsWithTags: ['type:util'],
              bannedExternalImports: frameworks,
            },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['type:domain', 'type:data', 'type:util', 'type:ui'],
            },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:api'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'scope:web'] },
            {
              sourceTag: 'scope:bridge',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:bridge'],
            },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    files: [`${API_SRC}/**/*.ts`],
    // An entity's relation to another feature's entity is a foreign key: a schema fact, declared
    // where the column is.
    ignores: ['**/*.spec.ts', '**/*.entity.ts'],
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.js'] } } },
    rules: { 'import/no-restricted-paths': ['error', { zones: entityZones, basePath: ROOT }] },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Tool configuration files may reach the shared presets in tools/.
    files: ['**/jest.config.js', '**/jest.*.config.js', '**/vite.config.*', '**/eslint.config.mjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.spec.{ts,tsx,js}', '**/*.integration.{ts,js}', '**/*.e2e.ts', 'tests/**/*.ts'],
    plugins: { jest },
    rules: {
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      'jest/no-identical-title': 'error',
      // A test states what it proves. Besides `expect`, these assert themselves: supertest's
      // `.expect(status)`, the scenario replays (`expectScenario`) and the federation specs'
      // `waitForSameStandings`, which fails unless both servers' standings become equal.
      'jest/expect-expect': [
        'error',
        { assertFunctionNames: ['expect', 'expect*', 'request.**.expect', 'waitForSameStandings'] },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
];
