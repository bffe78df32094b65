#!/usr/bin/env node
// npm run soak [-- --long] [-- --mosquitto] [-- --postgres] [-- --seed=N]: the chaos day (docs/reliability.md#the-chaos-day) against
// the built server (npx nx run api:build first). The short form is the one CI runs.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const seed = args.find((arg) => arg.startsWith('--seed='))?.slice('--seed='.length);
const result = spawnSync(
  'npx',
  [
    'jest',
    '-c',
    'tests/jest.config.js',
    'tests/soak/chaos-day.spec.ts',
    '--selectProjects',
    'integration',
  ],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      SOAK_FORM: args.includes('--long') ? 'long' : 'short',
      SOAK_BROKER: args.includes('--mosquitto') ? 'mosquitto' : 'embedded',
      SOAK_DATABASE: args.includes('--postgres') ? 'postgres' : 'sqlite',
      ...(seed ? { SOAK_SEED: seed } : {}),
    },
  },
);
process.exit(result.status ?? 1);
