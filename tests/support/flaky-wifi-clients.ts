/**
 * The clients of the flaky Wi-Fi test (docs/testing.md), run inside a network namespace: judge
 * tablets that record maze attempts through the judge app's own Outbox, and a hall screen that
 * follows a category through the leaderboard's own LiveStandingsClient over Socket.IO. Bundled
 * for Node by the spec (rolldown, as the benchmarks are) so the app code runs as it is.
 *
 * Configuration: FLAKY_WIFI_CONFIG (JSON, `ClientsConfig`). Commands, one per line on stdin:
 * `stop` (no more new entries), `status` (answers a `ClientsStatus` line on stdout), `exit`.
 */
import { randomUUID } from 'node:crypto';
import * as readline from 'node:readline';
import type { LedgerEntryInput, StandingsSnapshot } from '@olympiad/contracts';
import { createApiClient } from '@olympiad/ui';
import { io } from 'socket.io-client';
/* eslint-disable @nx/enforce-module-boundaries -- the test runs the apps' own outbox and live client, not copies that could drift */
import { Outbox } from '../../apps/judge/src/outbox/outbox';
import { memoryOutboxStore } from '../../apps/judge/src/outbox/outbox-store';
import { LiveStandingsClient } from '../../apps/leaderboard/src/live/live-standings-client';
import { socketIoTransport } from '../../apps/leaderboard/src/live/live-transport';
/* eslint-enable @nx/enforce-module-boundaries */

export interface ClientsConfig {
  url: string;
  stageId: string;
  categoryId: string;
  /** Milliseconds between two entries of one tablet. */
  paceMs: number;
  /** Attempts per team (the rule set's limit). */
  attempts: number;
  tablets: Array<{ name: string; judgeId: string; token: string; teamIds: string[] }>;
}

export interface TabletStatus {
  name: string;
  /** Every entry id the tablet made, in order. */
  created: string[];
  /** Still in the outbox (not acknowledged), by state. */
  pending: number;
  held: number;
  acknowledged: number;
  /** `POST /api/ledger` requests started, and how each ended (HTTP status or `network`). */
  posts: number;
  outcomes: Record<string, number>;
}

export interface ClientsStatus {
  kind: 'status';
  at: number;
  tablets: TabletStatus[];
  hall: {
    /** LiveStandingsClient instances made in this process: 1 means the screen never restarted. */
    instances: number;
    link: string;
    connects: number;
    disconnects: number;
    view: string;
    standings: StandingsSnapshot | null;
    /** When the held standings last changed, with their version. */
    changes: Array<{ at: number; version: number }>;
  };
}

const config = JSON.parse(process.env.FLAKY_WIFI_CONFIG ?? '{}') as ClientsConfig;

function tablet(spec: ClientsConfig['tablets'][number]) {
  const status: TabletStatus = {
    name: spec.name,
    created: [],
    pending: 0,
    held: 0,
    acknowledged: 0,
    posts: 0,
    outcomes: {},
  };
  const count = (outcome: string) =>
    (status.outcomes[outcome] = (status.outcomes[outcome] ?? 0) + 1);
  const countingFetch: typeof fetch = async (input, init) => {
    const posting = init?.method === 'POST' && String(input).endsWith('/api/ledger');
    if (posting) status.posts++;
    try {
      const response = await fetch(input, init);
      if (posting) count(String(response.status));
      return response;
    } catch (error) {
      if (posting) count('network');
      throw error;
    }
  };
  const api = createApiClient({
    baseUrl: config.url,
    getToken: () => spec.token,
    fetch: countingFetch,
  });
  const outbox = new Outbox(memoryOutboxStore(), api, spec.judgeId);
  const work = spec.teamIds.flatMap((teamId) =>
    Array.from({ length: config.attempts }, (_, index) => ({ teamId, attempt: index + 1 })),
  );
  // Attempt 1 of every team first, then attempt 2 …, as a judge's field queue goes round.
  work.sort((a, b) => a.attempt - b.attempt);
  let timer: ReturnType<typeof setInterval> | null = null;

  const record = () => {
    const next = work.shift();
    if (!next) return stop();
    const finished = Math.random() < 0.8;
    const entry: LedgerEntryInput = {
      id: randomUUID(),
      categoryId: config.categoryId,
      teamId: next.teamId,
      kind: 'maze.attempt',
      payload: {
        attempt: next.attempt,
        outcome: finished ? 'finished' : 'not-finished',
        timeMs: finished ? 30_000 + Math.floor(Math.random() * 60_000) : null,
        touches: Math.floor(Math.random() * 3),
        checkpoints: [],
        lastCheckpointMs: null,
        endedBy: finished ? null : 'stall',
        timing: 'stopwatch',
      },
      supersedes: null,
      reason: null,
      deviceId: null,
      recordedAt: new Date().toISOString(),
    };
    status.created.push(entry.id);
    void outbox.add(entry, `${next.teamId} · ${next.attempt}`);
  };
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };

  return {
    start: async () => {
      await outbox.start();
      timer = setInterval(record, config.paceMs);
    },
    stop,
    status: (): TabletStatus => {
      const { items, acknowledged } = outbox.getState();
      return {
        ...status,
        created: [...status.created],
        outcomes: { ...status.outcomes },
        pending: items.filter((item) => item.state === 'pending').length,
        held: items.filter((item) => item.state === 'held').length,
        acknowledged,
      };
    },
    close: () => {
      stop();
      outbox.stop();
    },
  };
}

function hallScreen() {
  const hall = {
    instances: 0,
    connects: 0,
    disconnects: 0,
    changes: [] as Array<{ at: number; version: number }>,
  };
  const client = new LiveStandingsClient(() => {
    // The leaderboard's own transport and options (apps/leaderboard/src/live/live-transport.ts).
    const socket = io(config.url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnectionDelayMax: 3_000,
    });
    socket.on('connect', () => hall.connects++);
    socket.on('disconnect', () => hall.disconnects++);
    return socketIoTransport(socket);
  });
  hall.instances++;
  let lastVersion: number | null = null;
  client.subscribe(() => {
    const view = client.getState().categories[config.categoryId];
    const version = view && view.status !== 'refused' ? (view.standings?.version ?? null) : null;
    if (version !== null && version !== lastVersion) {
      lastVersion = version;
      hall.changes.push({ at: Date.now(), version });
    }
  });
  client.start();
  client.watchStage(config.stageId);
  client.watchCategories([config.categoryId]);
  return {
    status: (): ClientsStatus['hall'] => {
      const state = client.getState();
      const view = state.categories[config.categoryId];
      return {
        ...hall,
        changes: [...hall.changes],
        link: state.link,
        view: view?.status ?? 'none',
        standings: view && view.status !== 'refused' ? (view.standings ?? null) : null,
      };
    },
    close: () => client.stop(),
  };
}

async function main(): Promise<void> {
  const tablets = config.tablets.map(tablet);
  const hall = hallScreen();
  await Promise.all(tablets.map((one) => one.start()));
  const send = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);
  send({ kind: 'started' });
  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    const command = line.trim();
    if (command === 'stop') tablets.forEach((one) => one.stop());
    if (command === 'status') {
      const status: ClientsStatus = {
        kind: 'status',
        at: Date.now(),
        tablets: tablets.map((one) => one.status()),
        hall: hall.status(),
      };
      send(status);
    }
    if (command === 'exit') {
      tablets.forEach((one) => one.close());
      hall.close();
      process.exit(0);
    }
  });
}

void main();
