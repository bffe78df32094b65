import * as path from 'node:path';
import { register } from 'tsconfig-paths';

/**
 * The built server keeps the workspace layout (dist/api/apps/…, dist/api/libs/…); this maps the
 * @olympiad/* imports onto it, as tsconfig.base.json does for the compiler.
 */
register({
  baseUrl: path.resolve(__dirname, '../../..'),
  paths: { '@olympiad/*': ['libs/*/src/index'] },
  addMatchAll: false,
});
