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

/** One event of a sumo match in words, with the team it is about. */
function sumoEventText(
  t: Translate,
  event: { type: string; side?: string },
  sideName: (side: string | undefined) => string,
): string {
  const name = sideName(event.side);
  switch (event.type) {
    case 'point':
      return `${t('judge.sumo.point')}: ${name}`;
    case 'warning':
      return `${t('judge.sumo.warning')}: ${name}`;
    case 'draw':
      return t('judge.sumo.drawRound');
    case 'null-start':
      return t('judge.sumo.nullStart');
    case 'time-up':
      return t('judge.sumo.timeUp');
    case 'decision':
      return `${t('judge.sumo.how.decision')}: ${name}`;
    case 'no-show':
      return event.side === 'both'
        ? t('judge.sumo.how.double-no-show')
        : t('judge.sumo.noShow', { name });
    case 'disqualification':
      return t('judge.sumo.disqualify', { name });
    default:
      return t('judge.entryKind.other');
  }
}

export interface SummaryOptions {
  /** The list's time precision: the finest of its times (docs/results-display.md); alone, a time shows its own. */
  precision?: TimePrecision | null;
  /** A team's name by id (a sumo match names both teams); without it they are written as "…". */
  teamName?: (teamId: string) => string;
}

/** A one-line summary of an entry's payload for the history list, in the reader's language. */
export function entrySummary(
  t: Translate,
  kind: string,
  payload: unknown,
  { precision = entryTimePrecision(kind, payload), teamName = () => '…' }: SummaryOptions = {},
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
      const [a, b] = [teamName(String(p['a'])), teamName(String(p['b']))];
      const sideName = (side: string | undefined) => (side === 'a' ? a : side === 'b' ? b : '');
      return `${String(p['matchId'])} · ${a} – ${b}: ${events.map((e) => sumoEventText(t, e, sideName)).join(', ')}`;
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
    // Double entry's stand-in carries no values: only where the attempt stands.
    case 'double.pending':
      return t(
        p['state'] === 'in-review' ? 'board.review.in-review' : 'board.review.awaiting-second',
      );
    default:
      return JSON.stringify(payload);
  }
}
