import './register-paths';
import 'reflect-metadata';
import { startServer } from './server';

startServer({ demo: process.argv.includes('--demo') }).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
