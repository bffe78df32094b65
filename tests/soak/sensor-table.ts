import { randomUUID } from 'node:crypto';
import type { LedgerEntry, RunState } from '@olympiad/contracts';
import { RawDevice } from '../support/raw-device';
import type { TablePlan } from './day-plan';
import type { DayHttp } from './day-http';

/** How one planned run ended, as the field judge saw it. */
export interface RunOutcome {
  table: string;
  teamId: string;
  attempt: number;
  expectedMs: number;
  state: RunState['state'] | 'lost';
  durationMs: number | null;
  /** The field judge's confirmation entry, once acknowledged. */
  confirmationId: string | null;
  detail?: string;
}

export interface TableContext {
  http: DayHttp;
  mqttUrl: string;
  fieldId: string;
  deviceId: string;
  secret: string;
  judgeToken: string;
  categoryId: string;
  teamIds: string[];
  /** The day's start: each run is armed at its planned time at the earliest. */
  t0: number;
  /** Every device connected, so that a failed day can close them. */
  devices: RawDevice[];
  /** Stops arming new runs (the day is over). */
  stopped: () => boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SETTLE_MS = 60_000;
const RESEND_LIMIT_MS = 120_000;

/**
 * Publishes an event until the broker acknowledges it, as the firmware's resend queue does
 * (docs/sensor-contract.md#delivery): mqtt.js fails a publish whose connection was given up
 * (e.g. `connack timeout` from a server still starting under load), and the same event, same
 * boot and sequence number, is sent again; the server stores it once.
 */
export async function publishUntilAcknowledged(device: RawDevice, event: object): Promise<void> {
  const until = Date.now() + RESEND_LIMIT_MS;
  for (;;) {
    try {
      return await device.publish(event);
    } catch (error) {
      if (Date.now() > until) throw error;
      await sleep(500);
    }
  }
}

/**
 * A maze table through the day: the field judge arms "team, attempt", the gates' controller sends
 * start and finish on its own microsecond clock, the judge waits for the timed run and confirms
 * it (or leaves it awaiting confirmation). The device is mqtt.js with QoS 1 and reconnection: what
 * the broker has not acknowledged stays in its outgoing store and is sent again after a
 * reconnection, as the firmware bridge's resend queue does (docs/sensor-contract.md#delivery).
 */
export async function playTable(plan: TablePlan, context: TableContext): Promise<RunOutcome[]> {
  const { http, fieldId, judgeToken } = context;
  const device = await RawDevice.connect(context.mqttUrl, context.deviceId, context.secret, {
    reconnect: true,
  });
  context.devices.push(device);
  // A connection reset by a kill is expected: mqtt.js reconnects by itself, and an 'error' with
  // no listener would throw out of the test.
  device.client.on('error', () => undefined);
  const outcomes: RunOutcome[] = [];
  let clock = 1_000_000;
  try {
    for (const run of plan.runs) {
      if (context.stopped()) break;
      await sleep(Math.max(0, context.t0 + run.atMs - Date.now()));
      const teamId = context.teamIds[run.team];
      const target = { categoryId: context.categoryId, teamId, attempt: run.attempt };
      const ours = (state: RunState) =>
        state.state !== 'idle' && state.teamId === teamId && state.attempt === run.attempt;
      const armed = await http.send<RunState>(
        'POST',
        `/api/fields/${fieldId}/runs`,
        judgeToken,
        target,
      );
      if (armed.status !== 201) {
        // A lost answer to an arm that was stored: the retry finds our run already running.
        const current = await http.expect<RunState>(
          [200],
          'GET',
          `/api/fields/${fieldId}/run`,
          judgeToken,
        );
        if (!ours(current))
          throw new Error(
            `${plan.name}: arming ${JSON.stringify(target)} answered ${armed.status}`,
          );
      }
      clock += 2_000_000;
      const start = device.gate('start', clock);
      clock += run.durationUs;
      const finish = device.gate('finish', clock);
      await publishUntilAcknowledged(device, start);
      await publishUntilAcknowledged(device, finish);

      const expectedMs = Math.floor(run.durationUs / 1000);
      const outcome: RunOutcome = {
        table: plan.name,
        teamId,
        attempt: run.attempt,
        expectedMs,
        state: 'lost',
        durationMs: null,
        confirmationId: null,
      };
      outcomes.push(outcome);
      const until = Date.now() + SETTLE_MS;
      let state: RunState | null = null;
      while (Date.now() < until) {
        state = await http.expect<RunState>([200], 'GET', `/api/fields/${fieldId}/run`, judgeToken);
        if (ours(state) && (state.state === 'finished' || state.state === 'needs-manual-timing'))
          break;
        await sleep(100);
      }
      if (
        !state ||
        !ours(state) ||
        (state.state !== 'finished' && state.state !== 'needs-manual-timing')
      ) {
        outcome.detail = `still ${JSON.stringify(state)} ${SETTLE_MS} ms after both gates were acknowledged`;
        // A table that lost a run stops, as its judge would: the rest of its runs are not played.
        break;
      }
      outcome.state = state.state;
      if (state.state !== 'finished') continue;
      outcome.durationMs = state.durationMs;
      if (!run.confirmed || !state.entryId) continue;
      const provisional = state.entryId;
      const ledger = await http.expect<LedgerEntry[]>(
        [200],
        'GET',
        `/api/categories/${context.categoryId}/ledger`,
        judgeToken,
      );
      const gateEntry = ledger.find((row) => row.id === provisional);
      if (!gateEntry) {
        outcome.detail = `the run's entry ${provisional} is not in the ledger`;
        continue;
      }
      const confirmation = {
        id: randomUUID(),
        categoryId: context.categoryId,
        teamId,
        kind: gateEntry.kind,
        payload: gateEntry.payload,
        supersedes: provisional,
        reason: 'confirmed',
        recordedAt: new Date().toISOString(),
      };
      await http.expect([200, 201], 'POST', '/api/ledger', judgeToken, confirmation);
      outcome.confirmationId = confirmation.id;
    }
  } finally {
    device.client.end(true);
  }
  return outcomes;
}
