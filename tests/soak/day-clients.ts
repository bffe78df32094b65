/**
 * The chaos day's tablets and viewers (docs/reliability.md#the-chaos-day), in a process of their
 * own so that they outlive the server's kills and keep the test runner's CPU free. Tablets record
 * their planned attempts through the judge app's own Outbox (UUIDs, retries, offline spells as
 * failing requests); viewers are the leaderboard's own LiveStandingsClient over Socket.IO, each
 * following one category. Bundled for Node by the spec with rolldown, as the flaky Wi-Fi clients.
 *
 * Configuration: SOAK_CLIENTS_CONFIG, a JSON file (`DayClientsConfig`). Commands, one per line on stdin:
 * `status` (answers a `DayClientsStatus` line on stdout), `exit`.
 */
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import type { LedgerEntryInput } from '@olympiad/contracts';
import { createApiClient } from '@olympiad/ui';
import { io } from 'socket.io-client';
/* eslint-disable @nx/enforce-module-boundaries -- the day runs the apps' own outbox and live client, not copies that could drift */
import { Outbox } from '../../apps/judge/src/outbox/outbox';
import { memoryOutboxStore } from '../../apps/judge/src/outbox/outbox-store';
import { LiveStandingsClient } from '../../apps/leaderboard/src/live/live-standings-client';
import { socketIoTransport } from '../../apps/leaderboard/src/live/live-transport';
/* eslint-enable @nx/enforce-module-boundaries */
import type { PlannedEntry, TabletDiscipline, TabletPlan } from './day-plan';

export interface DayClientsConfig {
  url: string;
  stageId: string;
  /** Each tablet discipline's category and teams (a plan's team number indexes `teamIds`). */
  categories: Record<TabletDiscipline, { categoryId: string; teamIds: string[] }>;
  tablets: Array<TabletPlan & { judgeId: string; token: string }>;
  viewers: number;
  /** The categories the viewers follow, one each, in turn. */
  viewerCategories: string[];
}

export interface ServerError {
  at: number;
  status: number;
  path: string;
}

export interface TabletStatus {
  name: string;
  /** Entry ids the tablet made so far. */
  created: string[];
  /** Entry ids still in its outbox, and those held by a refusal. */
  waiting: string[];
  held: string[];
  acknowledged: number;
  posts: number;
  outcomes: Record<string, number>;
}

export interface DayClientsStatus {
  kind: 'status';
  done: boolean;
  tablets: TabletStatus[];
  serverErrors: ServerError[];
  /** Per category: how many viewers hold which standings version (`-` none, `refused`). */
  viewers: Record<string, Record<string, number>>;
  viewerConnects: number;
}

const config = JSON.parse(
  fs.readFileSync(process.env.SOAK_CLIENTS_CONFIG ?? '', 'utf8'),
) as DayClientsConfig;
const serverErrors: ServerError[] = [];
let t0 = Date.now();

const CREATIVE_CRITERIA = [
  'research',
  'originality',
  'engineering',
  'programming',
  'presentation',
  'teamwork',
];

/**
 * What the tablet sends for a planned entry: a stopwatch maze attempt, one judge's creative marks
 * (criteria of creative-default, 0–9 so no top mark needs a comment) or a programming task's
 * points (tasks A–E of programming-default, 100 points each).
 */
function scoreOf(
  plan: DayClientsConfig['tablets'][number],
  planned: PlannedEntry,
): { kind: string; payload: Record<string, unknown> } {
  if (plan.discipline === 'creative')
    return {
      kind: 'creative.marks',
      payload: {
        judgeId: plan.judgeId,
        marks: Object.fromEntries(
          CREATIVE_CRITERIA.map((id, index) => [id, Math.floor(planned.marks[index] * 10)]),
        ),
        comments: {},
      },
    };
  if (plan.discipline === 'programming')
    return {
      kind: 'programming.task',
      payload: {
        task: 'ABCDE'[planned.attempt],
        points: Math.floor(planned.marks[0] * 101),
        groups: null,
        timeMs: null,
      },
    };
  return {
    kind: 'maze.attempt',
    payload: {
      attempt: planned.attempt,
      outcome: planned.finished ? 'finished' : 'not-finished',
      timeMs: planned.timeMs,
      touches: planned.touches,
      checkpoints: [],
      lastCheckpointMs: null,
      endedBy: planned.finished ? null : 'stall',
      timing: 'stopwatch',
    },
  };
}

function tablet(plan: DayClientsConfig['tablets'][number]) {
  const status = { created: [] as string[], posts: 0, outcomes: {} as Record<string, number> };
  const count = (outcome: string) =>
    (status.outcomes[outcome] = (status.outcomes[outcome] ?? 0) + 1);
  const offline = () => {
    const now = Date.now() - t0;
    return plan.offline.some((spell) => now >= spell.fromMs && now < spell.toMs);
  };
  const tabletFetch: typeof fetch = async (input, init) => {
    const posting = init?.method === 'POST' && String(input).endsWith('/api/ledger');
    if (posting) status.posts++;
    if (offline()) {
      if (posting) count('offline');
      throw new TypeError('fetch failed (tablet offline)');
    }
    try {
      const response = await fetch(input, init);
      if (posting) count(String(response.status));
      if (response.status >= 500)
        serverErrors.push({ at: Date.now(), status: response.status, path: String(input) });
      return response;
    } catch (error) {
      if (posting) count('network');
      throw error;
    }
  };
  const api = createApiClient({
    baseUrl: config.url,
    getToken: () => plan.token,
    fetch: tabletFetch,
  });
  const outbox = new Outbox(memoryOutboxStore(), api, plan.judgeId);
  const timers: ReturnType<typeof setTimeout>[] = [];

  const { categoryId, teamIds } = config.categories[plan.discipline];
  const record = (planned: PlannedEntry) => {
    const { kind, payload } = scoreOf(plan, planned);
    const entry: LedgerEntryInput = {
      id: planned.id,
      categoryId,
      teamId: teamIds[planned.team],
      kind,
      payload,
      supersedes: null,
      reason: null,
      deviceId: null,
      recordedAt: new Date().toISOString(),
    };
    status.created.push(entry.id);
    void outbox.add(entry, `${planned.team} · ${planned.attempt}`);
  };

  return {
    start: async () => {
      await outbox.start();
      for (const planned of plan.entries)
        timers.push(setTimeout(() => record(planned), planned.atMs));
    },
    done: () => status.created.length === plan.entries.length,
    status: (): TabletStatus => {
      const { items, acknowledged } = outbox.getState();
      return {
        name: plan.name,
        created: [...status.created],
        waiting: items.map((item) => item.id),
        held: items.filter((item) => item.state === 'held').map((item) => item.id),
        acknowledged,
        posts: status.posts,
        outcomes: { ...status.outcomes },
      };
    },
    close: () => {
      timers.forEach(clearTimeout);
      outbox.stop();
    },
  };
}

function viewer(categoryId: string, connected: () => void) {
  const client = new LiveStandingsClient(() => {
    // The leaderboard's own transport and options (apps/leaderboard/src/live/live-transport.ts).
    const socket = io(config.url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnectionDelayMax: 3_000,
      forceNew: true,
    });
    socket.on('connect', connected);
    return socketIoTransport(socket);
  });
  client.start();
  client.watchStage(config.stageId);
  // As the leaderboard's pages do (apps/leaderboard/src/stage/use-public-stage.ts): a category is
  // followed once the stage's summary says it is published, so publishing it at the end of the day
  // must reach a viewer that has been waiting for it.
  let following = false;
  client.subscribe(() => {
    const published =
      client.getState().stage?.categories.some((one) => one.id === categoryId && one.published) ??
      false;
    if (published === following) return;
    following = published;
    client.watchCategories(published ? [categoryId] : []);
  });
  return {
    categoryId,
    version: (): string => {
      const view = client.getState().categories[categoryId];
      if (!view || view.status === 'refused') return view?.status ?? '-';
      return String(view.standings?.version ?? '-');
    },
    close: () => client.stop(),
  };
}

async function main(): Promise<void> {
  let viewerConnects = 0;
  const viewers = Array.from({ length: config.viewers }, (_, index) =>
    viewer(config.viewerCategories[index % config.viewerCategories.length], () => viewerConnects++),
  );
  const tablets = config.tablets.map(tablet);
  t0 = Date.now();
  await Promise.all(tablets.map((one) => one.start()));
  const send = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);
  send({ kind: 'started' });
  const commands = readline.createInterface({ input: process.stdin });
  // The test runner is gone (its stdin closed): nothing would ever stop these clients.
  commands.on('close', () => process.exit(0));
  commands.on('line', (line) => {
    const command = line.trim();
    if (command === 'status') {
      const byCategory: DayClientsStatus['viewers'] = {};
      for (const one of viewers) {
        const versions = (byCategory[one.categoryId] ??= {});
        const version = one.version();
        versions[version] = (versions[version] ?? 0) + 1;
      }
      const status: DayClientsStatus = {
        kind: 'status',
        done: tablets.every((one) => one.done()),
        tablets: tablets.map((one) => one.status()),
        serverErrors,
        viewers: byCategory,
        viewerConnects,
      };
      send(status);
    }
    if (command === 'exit') {
      tablets.forEach((one) => one.close());
      viewers.forEach((one) => one.close());
      process.exit(0);
    }
  });
}

void main();
