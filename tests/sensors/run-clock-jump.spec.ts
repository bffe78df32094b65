import type { RunState } from '@olympiad/contracts';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { addMazeField, armRun, eventually } from '../support/field-fixture';
import { RawDevice } from '../support/raw-device';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, judgeToken, organiserToken } from '../support/venue-api';
import { WallClock } from '../soak/wall-clock';

/**
 * The server's wall clock steps back (an hour of drift corrected mid-day, as the chaos day does with
 * libfaketime: docs/reliability.md#the-chaos-day). A field's runs keep their order: the run armed
 * last is the field's run, not one armed while the clock was ahead.
 */
describe('a field after the server clock stepped back', () => {
  const clock = new WallClock(path.join(os.tmpdir(), `run-clock-jump-${process.pid}.faketime`));
  let venue: Venue;
  let device: RawDevice;
  afterAll(async () => {
    await device?.close();
    await venue?.stop();
    clock.remove();
  });

  it('shows the run armed last, finished with its device time', async () => {
    venue = await startVenue({ env: clock.env() });
    const organiser = await organiserToken(venue);
    const stage = await createMazeStage(venue, organiser, { teams: 2 });
    const field = await addMazeField(venue, organiser, stage, `clock-${process.pid}`);
    const judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    device = await RawDevice.connect(venue.mqttUrl!, field.deviceId, field.secret);
    const current = async (): Promise<RunState> =>
      (
        await request(venue.url)
          .get(`/api/fields/${field.fieldId}/run`)
          .set('Authorization', `Bearer ${judge}`)
          .expect(200)
      ).body;
    const play = async (teamId: string, startUs: number, finishUs: number) => {
      await armRun(venue, judge, field.fieldId, {
        categoryId: stage.categoryId,
        teamId,
        attempt: 1,
      });
      await device.publish(device.gate('start', startUs));
      await device.publish(device.gate('finish', finishUs));
      await eventually(async () =>
        expect(await current()).toMatchObject({ state: 'finished', teamId }),
      );
    };

    clock.jump('+1h');
    await play(stage.teamIds[0], 1_000_000, 41_000_000);
    clock.jump('+0');
    await play(stage.teamIds[1], 50_000_000, 97_500_000);
    expect(await current()).toMatchObject({
      state: 'finished',
      teamId: stage.teamIds[1],
      durationMs: 47_500,
    });
  });
});
