import type { MessageKey } from '@olympiad/i18n';
import { formatMs } from '@olympiad/scoring';

/** A maze attempt's outcome in the reader's language. */
export function mazeOutcomeText(t: (key: MessageKey) => string): (outcome: string) => string {
  return (outcome) =>
    outcome === 'finished'
      ? t('judge.maze.finished')
      : outcome === 'not-finished'
        ? t('judge.maze.notFinished')
        : t('judge.maze.voided');
}

/** A one-line summary (the outcome word in the reader's language) of an entry's payload for the history list. */
export function entrySummary(
  kind: string,
  payload: unknown,
  outcomeText: (outcome: string) => string = String,
): string {
  const p = (payload ?? {}) as Record<string, unknown>;
  switch (kind) {
    case 'maze.attempt': {
      const time = typeof p['timeMs'] === 'number' ? formatMs(p['timeMs']) : '—';
      return `#${String(p['attempt'])} · ${outcomeText(String(p['outcome']))} · ${time} · ${String(p['touches'] ?? 0)}×`;
    }
    case 'programming.task':
      return `${String(p['task'])}: ${String(p['points'])}`;
    case 'sumo.match': {
      const events = Array.isArray(p['events'])
        ? (p['events'] as { type: string; side?: string }[])
        : [];
      return `${String(p['matchId'])}: ${events.map((e) => (e.side ? `${e.type}:${e.side}` : e.type)).join(', ')}`;
    }
    case 'creative.marks':
    case 'programming.rubric': {
      const marks = (p['marks'] ?? {}) as Record<string, number>;
      return Object.entries(marks)
        .map(([id, mark]) => `${id} ${mark}`)
        .join(' · ');
    }
    case 'void':
      return String(p['reason'] ?? '');
    default:
      return JSON.stringify(payload);
  }
}
