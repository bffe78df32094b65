#!/usr/bin/env node
// npm run backup [-- --data-dir DIR] [--out DIR|FILE.tar.gz]: a consistent archive of a venue's
// data folder, while the venue runs or not (docs/operations.md).
import { loadBackupCli } from './run-built.mjs';

process.exitCode = await loadBackupCli().backupCommand(process.argv.slice(2));
