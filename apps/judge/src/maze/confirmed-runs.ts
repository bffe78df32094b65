const KEY = 'olympiad.judge.confirmedRuns';
const KEEP = 50;

/**
 * Runs this tablet already confirmed. The field keeps its last finished run until the next one is
 * armed, so without this a judge coming back to the screen would be offered the same run again.
 */
export function readConfirmedRuns(): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberConfirmedRun(runId: string, current: readonly string[]): string[] {
  const next = [...current.filter((id) => id !== runId), runId].slice(-KEEP);
  try {
    window.localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Only the reminder is lost; the ledger is not affected.
  }
  return next;
}
