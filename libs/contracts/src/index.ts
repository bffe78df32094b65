export * from './lib/domain';
export * from './lib/regions';
export * from './lib/rest';
export * from './lib/errors';
export * from './lib/live-events';
export * from './lib/runs';
