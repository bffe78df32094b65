import type { AwardsState } from '@olympiad/contracts';
import type { FieldRun, RingClock } from '../live/live-standings-client';
import type { HallCue } from './hall-audio';

/** What the hall hears of a change: a cue, and for a finished run what to say. */
export interface HallSoundEvent {
  cue: HallCue;
  /** A finished run: the team and the gates' time, for the spoken result. */
  spoken?: { team: string; ms: number };
}

/** What the hall has seen, as far as its sound is concerned. */
export interface HeardState {
  runs: Readonly<Record<string, FieldRun>>;
  awards: Readonly<Record<string, AwardsState>>;
  /** Sumo categories on the screen: how many matches each has decided. */
  sumoDecided: Readonly<Record<string, number>>;
  /** Each sumo ring's match clock as its tablet last reported it. */
  rings: Readonly<Record<string, RingClock>>;
}

/**
 * The cues between two states the hall has seen: a run that starts or finishes, a sumo match that
 * starts or ends, a place revealed on the podium. Nothing for what was already so when the screen
 * first saw it (`before` null), so opening or reloading a screen makes no sound.
 */
export function cuesBetween(before: HeardState | null, after: HeardState): HallSoundEvent[] {
  if (!before) return [];
  const events: HallSoundEvent[] = [];
  for (const [fieldId, run] of Object.entries(after.runs)) {
    const was = before.runs[fieldId];
    const sameRun = was?.startedAt === run.startedAt && was?.teamId === run.teamId;
    if (run.state === 'running' && !(was?.state === 'running' && sameRun))
      events.push({ cue: 'run-start' });
    if (
      run.state === 'finished' &&
      run.durationMs !== undefined &&
      !(was?.state === 'finished' && sameRun)
    )
      events.push({
        cue: 'run-finish',
        spoken: run.teamName ? { team: run.teamName, ms: run.durationMs } : undefined,
      });
  }
  // A match starts when the judge starts its first round, not when that round is recorded.
  for (const [fieldId, clock] of Object.entries(after.rings))
    if (clock.at !== before.rings[fieldId]?.at && firstRoundStarted(clock))
      events.push({ cue: 'match-start' });
  for (const [id, decided] of Object.entries(after.sumoDecided))
    if (before.sumoDecided[id] !== undefined && decided > before.sumoDecided[id])
      events.push({ cue: 'match-end' });
  for (const [id, awards] of Object.entries(after.awards)) {
    const was = before.awards[id]?.revealedCount ?? 0;
    if (awards.active && awards.revealedCount > was) events.push({ cue: 'reveal' });
  }
  return events;
}

function firstRoundStarted(clock: RingClock): boolean {
  return clock.state === 'running' && clock.round === 1 && clock.elapsedMs === 0;
}

/**
 * The seconds a sentence says: tenths, cut as every shown time is (docs/results-display.md),
 * written with the decimal comma of Kazakh and Russian.
 */
export function spokenSeconds(ms: number, lang: string): { seconds: string; count: number } {
  const count = Math.floor(ms / 100) / 10;
  return { seconds: lang === 'en' ? String(count) : String(count).replace('.', ','), count };
}
