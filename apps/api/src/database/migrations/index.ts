import { InitialSchema1732300000000 } from './1732300000000-initial-schema';

/** Every migration in order; listed explicitly so the built server needs no file globbing. */
export const MIGRATIONS = [InitialSchema1732300000000];
