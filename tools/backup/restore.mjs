#!/usr/bin/env node
// npm run restore -- <archive.tar.gz> [--data-dir DIR]: checks the archive and restores it into an
// empty data folder, never over a venue's database (docs/operations.md).
import { loadBackupCli } from './run-built.mjs';

process.exitCode = loadBackupCli().restoreCommand(process.argv.slice(2));
