import * as path from 'node:path';
import { register } from 'tsconfig-paths';

/** The built bridge keeps the workspace layout (dist/firmware-bridge/…); map @olympiad/* onto it. */
register({
  baseUrl: path.resolve(__dirname, '../..'),
  paths: { '@olympiad/*': ['libs/*/src/index'] },
  addMatchAll: false,
});
