export * from './sheet-code';
export * from './maze-score-sheet';
