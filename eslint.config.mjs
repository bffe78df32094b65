import nx from '@nx/eslint-plugin';
import jest from 'eslint-plugin-jest';

/**
 * Module boundaries (DESIGN.md §2): apps never import apps, libs never import apps,
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

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  ...nx.configs['flat/react'].map((config) => ({
    ...config,
    files: ['apps/judge/**/*', 'apps/console/**/*', 'apps/leaderboard/**/*', 'libs/ui/**/*'],
  })),
  {
    ignores: ['**/dist', '**/node_modules', '**/coverage', '**/.nx', 'tests/artifacts', '**/vite.config.*.timestamp*'],
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
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:data', 'type:ui', 'type:util'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:data', 'type:domain', 'type:util'] },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:data', 'type:domain', 'type:util'] },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:util'],
              bannedExternalImports: frameworks,
            },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: frameworks },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain', 'type:data', 'type:util', 'type:ui'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:api'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'scope:web'] },
            { sourceTag: 'scope:bridge', onlyDependOnLibsWithTags: ['scope:shared', 'scope:bridge'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
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
