export * from './sheet-code';
export * from './maze-score-sheet';
export * from './sumo-score-sheet';
