import type { CommitProgress } from './registration.service';

/**
 * The whole commit as one figure for the progress bar: checking the file again is quick, the rows
 * of the transaction are most of it, the standings of each category the rest. Never goes back.
 */
export function commitPercent(progress: CommitProgress): number {
  switch (progress.phase) {
    case 'checking':
      return 2;
    case 'writing':
      return 5 + (progress.teamsTotal > 0 ? (85 * progress.teamsWritten) / progress.teamsTotal : 85);
    case 'standings':
      return 90 + (progress.categoriesTotal > 0 ? (10 * progress.categoriesDone) / progress.categoriesTotal : 10);
  }
}
