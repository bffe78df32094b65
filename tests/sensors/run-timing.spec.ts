import type { ClientToServerEvents, RunState, ServerToClientEvents } from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { addMazeField, armRun, eventually } from '../support/field-fixture';
import { describeOnEachDatabase, freshPostgresDatabase } from '../support/fresh-postgres';
import { RawDevice } from '../support/raw-device';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, judgeToken, organiserToken, type StageFixture } from '../support/venue-api';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The finish path is hand-written SQL (one transaction for event, run and ledger entry): both databases run it.
const onEachBackend = describeOnEachDatabase<() => Promise<Record<string, string>>>(
  async () => ({}),
  async () => ({ DATABASE_URL: await freshPostgresDatabase() }),
);

onEachBackend('maze run timing from field sensors (embedded broker, %s)', (_backend, databaseEnv) => {
  let venue: Venue;
  let organiser: string;
  let judge: string;
  let stage: StageFixture;
  let field: { fieldId: string; deviceId: string; secret: string };
  const open: { close(): unknown }[] = [];

  beforeAll(async () => {
    venue = await startVenue({ env: await databaseEnv() });
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 4 });
    field = await addMazeField(venue, organiser, stage, `gates-${randomUUID().slice(0, 8)}`);
    // The maze judge of the fixture is assigned to the category, which lets them arm this field.
    judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
  });
  afterAll(async () => {
    for (const thing of open) await thing.close();
    await venue.stop();
  });

  const device = async () => {
    const d = await RawDevice.connect(venue.mqttUrl!, field.deviceId, field.secret);
    open.push(d);
    return d;
  };
  const standingsRow = async (teamId: string) => {
    const body = (await request(venue.url).get(`/api/categories/${stage.categoryId}/standings`).set('Authorization', `Bearer ${organiser}`).expect(200)).body;
    return body.standings.rows.find((row: { teamId: string }) => row.teamId === teamId);
  };
  const currentRun = async (): Promise<RunState> =>
    (await request(venue.url).get(`/api/fields/${field.fieldId}/run`).set('Authorization', `Bearer ${judge}`).expect(200)).body;

  it('times a run from the device clock and pushes armed → running → finished to the field room', async () => {
    const staff: Client = io(venue.url, { transports: ['websocket'], auth: { token: judge }, reconnection: false });
    open.push(staff);
    const seen: RunState[] = [];
    staff.on('run:state', (state) => seen.push(state));
    const joined = await new Promise<{ ok: boolean; run?: RunState }>((resolve) => staff.emit('join', { kind: 'field', id: field.fieldId }, resolve));
    expect(joined).toMatchObject({ ok: true, run: { state: 'idle' } });

    const gates = await device();
    await armRun(venue, judge, field.fieldId, { categoryId: stage.categoryId, teamId: stage.teamIds[0], attempt: 1 });
    await gates.publish(gates.gate('start', 10_000_000));
    await gates.publish(gates.gate('finish', 72_351_400));

    // The gate's time awaits the judge: shown as unconfirmed, no place (docs/results-display.md).
    await eventually(async () => expect((await standingsRow(stage.teamIds[0])).unconfirmed?.primary).toBe(62_351));
    expect((await standingsRow(stage.teamIds[0])).place).toBeNull();
    await eventually(async () => expect(seen.map((state) => state.state)).toEqual(expect.arrayContaining(['armed', 'running', 'finished'])));
    const finished = seen.find((state) => state.state === 'finished');
    expect(finished).toMatchObject({ durationMs: 62_351, teamId: stage.teamIds[0], attempt: 1 });
    expect((await currentRun()).state).toBe('finished');
  });

  it('gives the same result when every message arrives twice and the finish overtakes the start', async () => {
    const gates = await device();
    await armRun(venue, judge, field.fieldId, { categoryId: stage.categoryId, teamId: stage.teamIds[1], attempt: 1 });
    const start = gates.gate('start', 5_000_000);
    const finish = gates.gate('finish', 50_120_000);
    for (const message of [finish, finish, start, finish, start]) await gates.publish(message);

    await eventually(async () => expect((await standingsRow(stage.teamIds[1])).unconfirmed?.primary).toBe(45_120));
    const ledger = (await request(venue.url).get(`/api/categories/${stage.categoryId}/ledger`).set('Authorization', `Bearer ${organiser}`).expect(200)).body;
    expect(ledger.filter((entry: { teamId: string }) => entry.teamId === stage.teamIds[1])).toHaveLength(1);
    const stats = (await request(venue.url).get('/api/sensors/stats').set('Authorization', `Bearer ${organiser}`).expect(200)).body;
    expect(stats.duplicates).toBeGreaterThanOrEqual(3);
  });

  it('takes the duration from device timestamps, not from when messages arrive', async () => {
    const gates = await device();
    await armRun(venue, judge, field.fieldId, { categoryId: stage.categoryId, teamId: stage.teamIds[2], attempt: 1 });
    await gates.publish(gates.gate('start', 1_000_000));
    await sleep(700); // the network holds the finish back; the device clock does not care
    await gates.publish(gates.gate('finish', 46_000_000));
    await eventually(async () => expect((await standingsRow(stage.teamIds[2])).unconfirmed?.primary).toBe(45_000));
  });

  it('marks the run for manual timing when the device rebooted between start and finish', async () => {
    const before = await device();
    await armRun(venue, judge, field.fieldId, { categoryId: stage.categoryId, teamId: stage.teamIds[3], attempt: 1 });
    await before.publish(before.gate('start', 2_000_000));
    await eventually(async () => expect((await currentRun()).state).toBe('running'));
    await before.close();
    const after = await device(); // a new boot id
    await after.publish(after.gate('finish', 300_000));
    await eventually(async () => expect(await currentRun()).toMatchObject({ state: 'needs-manual-timing', reason: 'device-rebooted' }));
    expect((await standingsRow(stage.teamIds[3])).status).toBe('not-scored');
  });

  it('marks the run for manual timing when the rebooted device sends a heartbeat before any status or finish', async () => {
    const before = await device();
    await armRun(venue, judge, field.fieldId, { categoryId: stage.categoryId, teamId: stage.teamIds[0], attempt: 3 });
    await before.publish(before.gate('start', 4_000_000));
    await eventually(async () => expect((await currentRun()).state).toBe('running'));
    await before.close();
    const after = await device(); // a new boot id, and no status message from it
    await after.publish(after.heartbeat(200_000));
    await eventually(async () => expect(await currentRun()).toMatchObject({ state: 'needs-manual-timing', reason: 'device-rebooted' }));
  });

  it('keeps timing a run when the status of the boot that started it is handled after the start', async () => {
    const before = await device();
    await before.status(true);
    await before.close();
    // A second device on the field keeps the field's queue busy, so the new boot's status (which
    // does not wait in that queue) is handled before its start gate: the bridge-after-an-outage order.
    const auth = { Authorization: `Bearer ${organiser}` };
    const busyId = `busy-${randomUUID().slice(0, 8)}`;
    const { secret } = (await request(venue.url).post('/api/devices').set(auth).send({ id: busyId, fieldId: field.fieldId }).expect(201)).body;
    const busy = await RawDevice.connect(venue.mqttUrl!, busyId, secret);
    open.push(busy);
    const after = await device(); // a new boot id
    await armRun(venue, judge, field.fieldId, { categoryId: stage.categoryId, teamId: stage.teamIds[1], attempt: 2 });
    await Promise.all(Array.from({ length: 40 }, (_, index) => busy.publish(busy.gate('finish', 1_000 + index))));
    await after.publish(after.gate('start', 1_000_000));
    await after.status(true);
    await eventually(async () => expect((await currentRun()).state).toBe('running'));
    await sleep(300);
    await after.publish(after.gate('finish', 51_000_000));
    await eventually(async () => expect(await currentRun()).toMatchObject({ state: 'finished', durationMs: 50_000, teamId: stage.teamIds[1], attempt: 2 }));
  });

  it('keeps events that arrive while nothing is armed and lets a judge attach them', async () => {
    await request(venue.url).delete(`/api/fields/${field.fieldId}/runs/current`).set('Authorization', `Bearer ${judge}`).expect(200);
    const gates = await device();
    await gates.publish(gates.gate('start', 3_000_000));
    await gates.publish(gates.gate('finish', 61_500_000));
    const unassigned = await eventually(async () => {
      const list = (await request(venue.url).get(`/api/fields/${field.fieldId}/unassigned`).set('Authorization', `Bearer ${judge}`).expect(200)).body;
      const mine = list.filter((event: { boot: string }) => event.boot === gates.boot);
      expect(mine).toHaveLength(2);
      return mine as { id: string; gate: string }[];
    });
    const start = unassigned.find((event) => event.gate === 'start')!;
    const finish = unassigned.find((event) => event.gate === 'finish')!;
    const attached = await request(venue.url)
      .post(`/api/fields/${field.fieldId}/unassigned/attach`)
      .set('Authorization', `Bearer ${judge}`)
      .send({ categoryId: stage.categoryId, teamId: stage.teamIds[3], attempt: 2, startEventId: start.id, finishEventId: finish.id })
      .expect(201);
    expect(attached.body).toMatchObject({ state: 'finished', durationMs: 58_500 });
    await eventually(async () => expect((await standingsRow(stage.teamIds[3])).primary).toBe(58_500));
    // Attached events are no longer offered.
    const after = (await request(venue.url).get(`/api/fields/${field.fieldId}/unassigned`).set('Authorization', `Bearer ${judge}`).expect(200)).body;
    expect(after.filter((event: { boot: string }) => event.boot === gates.boot)).toEqual([]);
  });

  it('ignores a finish stored before the run was armed when it is delivered again: no score, the run keeps running', async () => {
    const auth = { Authorization: `Bearer ${organiser}` };
    await request(venue.url).delete(`/api/fields/${field.fieldId}/runs/current`).set('Authorization', `Bearer ${judge}`).expect(200);
    const gates = await device();
    const start = gates.gate('start', 7_000_000);
    const finish = gates.gate('finish', 49_000_000);
    // The finish arrives while nothing is armed (its start is late on the network): kept unassigned.
    await gates.publish(finish);
    await eventually(async () => {
      const list = (await request(venue.url).get(`/api/fields/${field.fieldId}/unassigned`).set('Authorization', `Bearer ${judge}`).expect(200)).body;
      expect(list.filter((event: { boot: string }) => event.boot === gates.boot)).toHaveLength(1);
    });
    await armRun(venue, judge, field.fieldId, { categoryId: stage.categoryId, teamId: stage.teamIds[2], attempt: 3 });
    await gates.publish(start);
    await eventually(async () => expect((await currentRun()).state).toBe('running'));
    const ledgerSize = async () => (await request(venue.url).get(`/api/categories/${stage.categoryId}/ledger`).set(auth).expect(200)).body.length;
    const entries = await ledgerSize();
    const duplicates = (await request(venue.url).get('/api/sensors/stats').set(auth).expect(200)).body.duplicates;

    await gates.publish(finish);
    await eventually(async () => expect((await request(venue.url).get('/api/sensors/stats').set(auth).expect(200)).body.duplicates).toBe(duplicates + 1));
    expect(await currentRun()).toMatchObject({ state: 'running', teamId: stage.teamIds[2], attempt: 3, serverNow: expect.any(String) });
    expect(await ledgerSize()).toBe(entries);
    await request(venue.url).delete(`/api/fields/${field.fieldId}/runs/current`).set('Authorization', `Bearer ${judge}`).expect(200);
  });

  /** The field judge confirms every gate time still waiting, as the tablet's Confirm does. */
  async function confirmGateTimes(): Promise<void> {
    type Row = { id: string; kind: string; teamId: string; authorRole: string; supersedes: string | null; payload: Record<string, unknown> };
    const ledger: Row[] = (await request(venue.url).get(`/api/categories/${stage.categoryId}/ledger`).set('Authorization', `Bearer ${organiser}`).expect(200)).body;
    const superseded = new Set(ledger.map((row) => row.supersedes));
    for (const row of ledger.filter((entry) => entry.authorRole === 'device' && !superseded.has(entry.id))) {
      await request(venue.url)
        .post('/api/ledger')
        .set('Authorization', `Bearer ${judge}`)
        .send({ id: randomUUID(), categoryId: stage.categoryId, teamId: row.teamId, kind: row.kind, payload: row.payload, supersedes: row.id, reason: 'confirmed', recordedAt: new Date().toISOString() })
        .expect(201);
    }
  }

  it('still stores the finished run when the category was locked during it, and writes no score', async () => {
    const auth = { Authorization: `Bearer ${organiser}` };
    const gates = await device();
    await armRun(venue, judge, field.fieldId, { categoryId: stage.categoryId, teamId: stage.teamIds[0], attempt: 2 });
    await gates.publish(gates.gate('start', 4_000_000));
    await eventually(async () => expect((await currentRun()).state).toBe('running'));
    const ledgerSize = async () => (await request(venue.url).get(`/api/categories/${stage.categoryId}/ledger`).set(auth).expect(200)).body.length;
    // The earlier tests' gate times wait for the judge, and a category is not locked over those.
    const refused = await request(venue.url).post(`/api/categories/${stage.categoryId}/lock`).set(auth).expect(409);
    expect(refused.body.key).toBe('categories.unconfirmedResults');
    await confirmGateTimes();
    const before = await ledgerSize();
    await request(venue.url).post(`/api/categories/${stage.categoryId}/lock`).set(auth).expect(200);
    try {
      await gates.publish(gates.gate('finish', 44_000_000));
      // The judge still sees the device's time and records the attempt once the category is unlocked.
      await eventually(async () => expect(await currentRun()).toMatchObject({ state: 'finished', durationMs: 40_000, teamId: stage.teamIds[0] }));
      expect(await ledgerSize()).toBe(before);
      expect(await currentRun()).toMatchObject({ state: 'finished', entryId: null });
    } finally {
      await request(venue.url).post(`/api/categories/${stage.categoryId}/unlock`).set(auth).expect(200);
    }
  });

  it('lets the live projection still equal a replay of the ledger', async () => {
    const verify = (await request(venue.url).get(`/api/categories/${stage.categoryId}/standings/verify`).set('Authorization', `Bearer ${organiser}`).expect(200)).body;
    expect(verify.matches).toBe(true);
  });
});
