import type { RunState } from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DriftingController, serverNowUs, venueWifi } from '../support/drifting-controller';
import { addMazeField, armRun, eventually } from '../support/field-fixture';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A maze table timed between two controllers (docs/sensor-contract.md#clock-offsets) where the
 * finish controller's gate was crossed before the start (a hand waved through it while the robot
 * was set down) but its message reached the server after the start's: read through both clocks it
 * lies before the start, so it cannot end the run, as a one-device finish cannot precede its start.
 */
describe('a two-controller finish sent before the start but received after it', () => {
  let venue: Venue;
  let organiser: string;
  let judge: string;
  let stage: StageFixture;
  let fieldId: string;
  let start: DriftingController;
  let finish: DriftingController;

  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 1 });
    const suffix = randomUUID().slice(0, 8);
    const field = await addMazeField(venue, organiser, stage, `start-${suffix}`);
    fieldId = field.fieldId;
    const auth = { Authorization: `Bearer ${organiser}` };
    const finishId = `finish-${suffix}`;
    const second = (
      await request(venue.url)
        .post('/api/devices')
        .set(auth)
        .send({ id: finishId, fieldId, label: 'finish' })
        .expect(201)
    ).body;
    await request(venue.url)
      .put(`/api/fields/${fieldId}/gates`)
      .set(auth)
      .send({ startDeviceId: field.deviceId, finishDeviceId: finishId })
      .expect(200);
    judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    start = await DriftingController.connect(venue.mqttUrl!, field.deviceId, field.secret, {
      offsetUs: 1_000_000,
      ppm: 0,
      delay: venueWifi,
      seed: 5,
    });
    finish = await DriftingController.connect(venue.mqttUrl!, finishId, second.secret, {
      offsetUs: 3_500_000,
      ppm: 50,
      delay: venueWifi,
      seed: 6,
    });
    start.startHeartbeats(40);
    finish.startHeartbeats(40);
  });
  afterAll(async () => {
    await start?.close();
    await finish?.close();
    await venue?.stop();
  });

  const currentRun = async (): Promise<RunState> =>
    (
      await request(venue.url)
        .get(`/api/fields/${fieldId}/run`)
        .set('Authorization', `Bearer ${judge}`)
        .expect(200)
    ).body;

  it('keeps the run running and times it by the finish that came after the start', async () => {
    // Enough heartbeats for both clocks to be estimated.
    // 6 s of 40 ms heartbeats: past the 100 samples an estimate needs (docs/sensor-contract.md).
    await sleep(6_000);
    await armRun(venue, judge, fieldId, {
      categoryId: stage.categoryId,
      teamId: stage.teamIds[0],
      attempt: 1,
    });
    // The finish gate is crossed first; its message is held on the network.
    const early = finish.device.gate('finish', finish.deviceTimeAt(serverNowUs()));
    await sleep(300);
    const startedAt = start.gate('start');
    await eventually(async () => expect((await currentRun()).state).toBe('running'));
    await finish.device.publish(early);
    await sleep(1_000);
    // Read through the clocks, that finish lies 300 ms before the start: the run runs on.
    expect(await currentRun()).toMatchObject({ state: 'running' });
    const finishedAt = finish.gate('finish');
    const finished = await eventually(async () => {
      const state = await currentRun();
      expect(state.state).toBe('finished');
      return state as Extract<RunState, { state: 'finished' }>;
    });
    const trueMs = (finishedAt - startedAt) / 1000;
    expect(finished.durationMs).toBeGreaterThan(1_000);
    expect(Math.abs(finished.durationMs - trueMs)).toBeLessThanOrEqual(finished.boundMs ?? 0);
  });
});
