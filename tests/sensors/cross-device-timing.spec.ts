import type { RunState } from '@olympiad/contracts';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import {
  jammedLink,
  DriftingController,
  venueWifi,
  type NetworkDelay,
} from '../support/drifting-controller';
import { binaryBody } from '../support/binary-body';
import { addMazeField, armRun, eventually } from '../support/field-fixture';
import { describeOnEachDatabase, freshPostgresDatabase } from '../support/fresh-postgres';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  mazeAttempt,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A maze table whose start gate and finish gate are two controllers (docs/sensor-contract.md#clock-offsets):
 * the finish controller's clock is 2.5 s ahead of the start controller's and runs 50 ppm fast, and
 * every message crosses a simulated network before the real embedded broker.
 */
// The clock samples and the run's bound are read and written by hand-written SQL: both databases run it.
const onEachBackend = describeOnEachDatabase<() => Promise<Record<string, string>>>(
  async () => ({}),
  async () => ({ DATABASE_URL: await freshPostgresDatabase() }),
);

onEachBackend(
  'a run timed between two controllers (embedded broker, %s)',
  (_backend, databaseEnv) => {
    let venue: Venue;
    let organiser: string;
    let judge: string;
    let stage: StageFixture;
    let fieldId: string;
    /** The bound of the first test's run, which the protocol prints. */
    let firstBoundMs = 0;
    let start: { id: string; secret: string };
    let finish: { id: string; secret: string };
    const open: DriftingController[] = [];

    beforeAll(async () => {
      venue = await startVenue({ env: await databaseEnv() });
      organiser = await organiserToken(venue);
      stage = await createMazeStage(venue, organiser, { teams: 3 });
      const suffix = randomUUID().slice(0, 8);
      const field = await addMazeField(venue, organiser, stage, `start-${suffix}`);
      fieldId = field.fieldId;
      start = { id: field.deviceId, secret: field.secret };
      const auth = { Authorization: `Bearer ${organiser}` };
      const second = (
        await request(venue.url)
          .post('/api/devices')
          .set(auth)
          .send({ id: `finish-${suffix}`, fieldId, label: 'finish' })
          .expect(201)
      ).body;
      finish = { id: `finish-${suffix}`, secret: second.secret };
      const layout = (
        await request(venue.url)
          .put(`/api/fields/${fieldId}/gates`)
          .set(auth)
          .send({ startDeviceId: start.id, finishDeviceId: finish.id })
          .expect(200)
      ).body;
      expect(layout).toMatchObject({ startDeviceId: start.id, finishDeviceId: finish.id });
      judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    });
    afterAll(async () => {
      for (const controller of open) await controller.close();
      await venue.stop();
    });

    const controllers = async (finishDelay: NetworkDelay, seed: number, finishHeartbeatMs = 40) => {
      for (const controller of open.splice(0)) await controller.close();
      const a = await DriftingController.connect(venue.mqttUrl!, start.id, start.secret, {
        offsetUs: 1_000_000,
        ppm: 0,
        delay: venueWifi,
        seed,
      });
      const b = await DriftingController.connect(venue.mqttUrl!, finish.id, finish.secret, {
        offsetUs: 3_500_000,
        ppm: 50,
        delay: finishDelay,
        seed: seed + 1,
      });
      open.push(a, b);
      a.startHeartbeats(40);
      b.startHeartbeats(finishHeartbeatMs);
      return { a, b };
    };
    const currentRun = async (): Promise<RunState> =>
      (
        await request(venue.url)
          .get(`/api/fields/${fieldId}/run`)
          .set('Authorization', `Bearer ${judge}`)
          .expect(200)
      ).body;

    /** Heartbeats for a while, then a run: the true duration in ms (from the server's clock). */
    const run = async (
      { a, b }: { a: DriftingController; b: DriftingController },
      teamId: string,
    ) => {
      // 6 s of 40 ms heartbeats: past the 100 samples an estimate needs (docs/sensor-contract.md).
      await sleep(6_000);
      await armRun(venue, judge, fieldId, { categoryId: stage.categoryId, teamId, attempt: 1 });
      const startedAt = a.gate('start');
      await eventually(async () => expect((await currentRun()).state).toBe('running'));
      await sleep(1_200);
      const finishedAt = b.gate('finish');
      // Without the offsets, the two clocks' readings would be 2.5 s apart from the truth.
      expect(
        Math.abs(b.deviceTimeAt(finishedAt) - a.deviceTimeAt(startedAt) - (finishedAt - startedAt)),
      ).toBeGreaterThan(2_000_000);
      return (finishedAt - startedAt) / 1000;
    };

    it('times the run within its stored bound of the true duration, and the bound is a few ms', async () => {
      const trueMs = await run(await controllers(venueWifi, 21), stage.teamIds[0]);
      const finished = await eventually(async () => {
        const state = await currentRun();
        expect(state.state).toBe('finished');
        return state as Extract<RunState, { state: 'finished' }>;
      });
      firstBoundMs = finished.boundMs ?? 0;
      expect(finished.boundMs).toBeGreaterThan(0);
      expect(finished.boundMs).toBeLessThanOrEqual(20);
      expect(Math.abs(finished.durationMs - trueMs)).toBeLessThanOrEqual(finished.boundMs ?? 0);
      // The provisional attempt carries the time, as a one-device run's does.
      const ledger = (
        await request(venue.url)
          .get(`/api/categories/${stage.categoryId}/ledger`)
          .set('Authorization', `Bearer ${organiser}`)
          .expect(200)
      ).body;
      const entry = ledger.find((e: { teamId: string }) => e.teamId === stage.teamIds[0]);
      expect(entry?.payload).toMatchObject({
        outcome: 'finished',
        timeMs: finished.durationMs,
        timing: 'sensor',
      });
    });

    it("leaves the run to the judge's stopwatch when the finish controller's link is too slow to bound its clock", async () => {
      // Enough heartbeats, but through a link where one message in 100 gets through at once.
      await run(await controllers(jammedLink(), 33, 40), stage.teamIds[1]);
      const manual = await eventually(async () => {
        const state = await currentRun();
        expect(state).toMatchObject({ state: 'needs-manual-timing', reason: 'timing-bound' });
        return state as Extract<RunState, { state: 'needs-manual-timing' }>;
      });
      // The maze-default tolerance is 20 ms (docs/rules.md).
      expect(manual.boundMs).toBeGreaterThan(20);
      const ledger = (
        await request(venue.url)
          .get(`/api/categories/${stage.categoryId}/ledger`)
          .set('Authorization', `Bearer ${organiser}`)
          .expect(200)
      ).body;
      expect(ledger.filter((e: { teamId: string }) => e.teamId === stage.teamIds[1])).toHaveLength(
        0,
      );
    });

    it("prints the two-controller time's bound and the hand-timed attempt in the protocol", async () => {
      // The judge times the attempt the clocks could not with the stopwatch, as the tablet records it.
      await request(venue.url)
        .post('/api/ledger')
        .set('Authorization', `Bearer ${judge}`)
        .send(mazeAttempt(stage, stage.teamIds[1], 1, 1_310, { timing: 'stopwatch' }))
        .expect(201);
      const pdf = (
        await request(venue.url)
          .get(`/api/categories/${stage.categoryId}/protocol.pdf`)
          .set('Authorization', `Bearer ${organiser}`)
          .buffer(true)
          .parse(binaryBody)
          .expect(200)
      ).body as Buffer;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-'));
      fs.writeFileSync(path.join(dir, 'protocol.pdf'), pdf);
      const text = execFileSync('pdftotext', [path.join(dir, 'protocol.pdf'), '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, ' ');
      expect(text).toContain(
        `Қыран 1, 1-әрекет / попытка 1: ±${firstBoundMs} мс, екі контроллер / ±${firstBoundMs} мс, два контроллера`,
      );
      expect(text).toContain('Қыран 2, 1-әрекет / попытка 1: секундомермен өлшенді');
    });

    it('refuses a gate device that stands on another field', async () => {
      const auth = { Authorization: `Bearer ${organiser}` };
      const other = await addMazeField(
        venue,
        organiser,
        stage,
        `elsewhere-${randomUUID().slice(0, 8)}`,
      );
      const refused = await request(venue.url)
        .put(`/api/fields/${fieldId}/gates`)
        .set(auth)
        .send({ startDeviceId: start.id, finishDeviceId: other.deviceId })
        .expect(400);
      expect(refused.body).toMatchObject({ key: 'fields.gateNotOnField' });
      await request(venue.url)
        .put(`/api/fields/${fieldId}/gates`)
        .set(auth)
        .send({ startDeviceId: start.id, finishDeviceId: null })
        .expect(400);
    });
  },
);
