import { randomUUID } from 'node:crypto';
import type { ClientToServerEvents, FieldSignal, ServerToClientEvents } from '@olympiad/contracts';
import { io, type Socket } from 'socket.io-client';
import { RawDevice } from '../support/raw-device';
import type { RingPlan } from './day-plan';
import type { DayHttp } from './day-http';
import { publishUntilAcknowledged } from './sensor-table';

export interface SumoMatch {
  id: string;
  stage: string;
  round: number;
  a?: string | null;
  b?: string | null;
  status: string;
  outcome: { winner: string | null; how: string } | null;
}

export interface SumoTournament {
  groups: Array<{ id: string; matches: SumoMatch[] }>;
  bracket: SumoMatch[];
}

/** How one match on a ring ended, as its judge saw it. */
export interface MatchOutcome {
  ring: string;
  matchId: string;
  /** The match entry, once acknowledged. */
  entryId: string | null;
  winner: string;
  expectedMs: number;
  /** From the ring's start and stop presses on the device clock; null: timed by hand. */
  durationMs: number | null;
}

export interface RingContext {
  http: DayHttp;
  url: string;
  mqttUrl: string;
  fieldId: string;
  deviceId: string;
  secret: string;
  judgeToken: string;
  categoryId: string;
  /** The team's strength by id: the stronger robot wins. */
  strength: Map<string, number>;
  /** Matches taken by a ring, shared by the rings so that no match is played twice. */
  taken: Set<string>;
  devices: RawDevice[];
  stopped: () => boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** How long the judge's match clock waits for a press to arrive before the judge times by hand. */
const SIGNAL_WAIT_MS = 5_000;
/** A ring waiting this long for the other ring's match gives up (the day then fails on the bracket). */
const WAIT_LIMIT_MS = 120_000;

/** The matches that can be played now: the lowest open group round first, then the bracket. */
export function playableMatches(tournament: SumoTournament): SumoMatch[] {
  const all = [...tournament.groups.flatMap((group) => group.matches), ...tournament.bracket];
  const ready = all.filter((match) => match.status === 'ready' && match.a && match.b);
  const groupRounds = ready.filter((match) => match.stage === 'group').map((m) => m.round);
  if (groupRounds.length === 0) return ready;
  const round = Math.min(...groupRounds);
  return ready.filter((match) => match.stage === 'group' && match.round === round);
}

export function allMatches(tournament: SumoTournament): SumoMatch[] {
  return [...tournament.groups.flatMap((group) => group.matches), ...tournament.bracket];
}

/**
 * A sumo ring through the day: its judge takes the next match of the draw, the ring's start button
 * controller sends start and stop on its own microsecond clock over MQTT, the judge's match clock
 * (the tablet's, apps/judge/src/sumo/match-clock.tsx) takes the length from the two presses it
 * receives in the ring's room (field:signal), and the judge records the match: the stronger robot
 * wins 2–0 or 2–1. A press that does not reach the room in time is timed by hand, as at the venue.
 */
export async function playRing(plan: RingPlan, context: RingContext): Promise<MatchOutcome[]> {
  const { http } = context;
  const device = await RawDevice.connect(context.mqttUrl, context.deviceId, context.secret, {
    reconnect: true,
  });
  context.devices.push(device);
  device.client.on('error', () => undefined);
  const signals: FieldSignal[] = [];
  const room: Socket<ServerToClientEvents, ClientToServerEvents> = io(context.url, {
    transports: ['websocket'],
    auth: { token: context.judgeToken },
    reconnectionDelayMax: 1_000,
  });
  room.on('field:signal', (signal) => signals.push(signal));
  // Every connection (the first and each after a restart) joins the ring's room again.
  room.on('connect', () =>
    room.emit('join', { kind: 'field', id: context.fieldId }, () => undefined),
  );
  const outcomes: MatchOutcome[] = [];
  let clock = 3_000_000;
  let lastMatchAt = Date.now();
  try {
    for (let played = 0; !context.stopped(); played++) {
      const tournament = (
        await http.expect<{ tournament: SumoTournament }>(
          [200],
          'GET',
          `/api/categories/${context.categoryId}/sumo/bracket`,
          context.judgeToken,
        )
      ).tournament;
      const open = playableMatches(tournament).filter((match) => !context.taken.has(match.id));
      if (open.length === 0) {
        const unfinished = allMatches(tournament).some((match) => match.status !== 'finished');
        // The other ring is playing the match the next ones wait for.
        if (
          unfinished &&
          context.taken.size < allMatches(tournament).length &&
          Date.now() - lastMatchAt < WAIT_LIMIT_MS
        ) {
          await sleep(500);
          continue;
        }
        break;
      }
      const match = open[0];
      lastMatchAt = Date.now();
      context.taken.add(match.id);
      const a = match.a as string;
      const b = match.b as string;
      const stronger = (context.strength.get(a) ?? 0) >= (context.strength.get(b) ?? 0);
      const [winner, loser] = stronger ? (['a', 'b'] as const) : (['b', 'a'] as const);
      const lengthUs = plan.matchUs[played % plan.matchUs.length];
      clock += 10_000_000;
      const start = device.button(clock, 'start');
      clock += lengthUs;
      const stop = device.button(clock, 'stop');
      await publishUntilAcknowledged(device, start);
      await publishUntilAcknowledged(device, stop);
      const expectedMs = Math.floor(lengthUs / 1000);
      const heard = (t: number) => signals.some((s) => s.button && s.deviceTimeUs === t);
      const until = Date.now() + SIGNAL_WAIT_MS;
      while (Date.now() < until && !(heard(start.t) && heard(stop.t))) await sleep(50);
      const timed = heard(start.t) && heard(stop.t);
      const events =
        played % 3 === 0
          ? [
              { type: 'point', side: winner },
              { type: 'point', side: loser },
              { type: 'point', side: winner },
            ]
          : [
              { type: 'point', side: winner },
              { type: 'point', side: winner },
            ];
      const outcome: MatchOutcome = {
        ring: plan.name,
        matchId: match.id,
        entryId: null,
        winner: match[winner] as string,
        expectedMs,
        durationMs: timed ? Math.floor((stop.t - start.t) / 1000) : null,
      };
      outcomes.push(outcome);
      const entry = {
        id: randomUUID(),
        categoryId: context.categoryId,
        teamId: null,
        kind: 'sumo.match',
        payload: { matchId: match.id, a, b, events },
        recordedAt: new Date().toISOString(),
      };
      await http.expect([200, 201], 'POST', '/api/ledger', context.judgeToken, entry);
      outcome.entryId = entry.id;
    }
  } finally {
    room.close();
    device.client.end(true);
  }
  return outcomes;
}
