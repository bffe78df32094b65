import { isMessageKey, type MessageKey, type MessageParams } from '@olympiad/i18n';
import {
  formatResultTime,
  timePrecisionOf,
  type TimePrecision,
  type TimingSource,
} from '@olympiad/scoring';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** What kind of entry it is, in the reader's language ("Maze attempt"), never the ledger's name. */
export function entryKindName(t: Translate, kind: string): string {
  const key = `judge.entryKind.${kind}`;
  return t(isMessageKey(key) ? key : 'judge.entryKind.other');
}

/** A maze attempt's outcome in the reader's language. */
function mazeOutcomeText(t: Translate, outcome: unknown): string {
  return outcome === 'finished'
    ? t('judge.maze.finished')
    : outcome === 'not-finished'
      ? t('judge.maze.notFinished')
      : t('judge.maze.voided');
}

/** The precision of a maze attempt's time (by its timing source); null for any other entry. */
export function entryTimePrecision(kind: string, payload: unknown): TimePrecision | null {
  const p = (payload ?? {}) as Record<string, unknown>;
  if (kind !== 'maze.attempt' || typeof p['timeMs'] !== 'number') return null;
  return timePrecisionOf((p['timing'] ?? null) as TimingSource, p['timeMs']);
}

/**
 * A one-line summary of an entry's payload for the history list, in the reader's language. A list
 * passes the finest precision of its times (docs/results-display.md); alone, a time shows its own.
 */
export function entrySummary(
  t: Translate,
  kind: string,
  payload: unknown,
  precision: TimePrecision | null = entryTimePrecision(kind, payload),
): string {
  const p = (payload ?? {}) as Record<string, unknown>;
  switch (kind) {
    case 'maze.attempt': {
      const ms = p['timeMs'];
      const time = typeof ms === 'number' ? formatResultTime(ms, precision ?? 'ms') : '—';
      const touches = typeof p['touches'] === 'number' ? p['touches'] : 0;
      return `#${String(p['attempt'])} · ${mazeOutcomeText(t, p['outcome'])} · ${time} · ${t('judge.review.touches', { count: touches })}`;
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
