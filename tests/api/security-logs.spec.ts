import type { DisplayHello } from '@olympiad/contracts';
import request from 'supertest';
import { io } from 'socket.io-client';
import { addMazeField, eventually } from '../support/field-fixture';
import { RawDevice } from '../support/raw-device';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, judgeToken } from '../support/venue-api';

/**
 * A day's secrets go through the server while it logs everything it can (docs/security.md#logs):
 * first-run setup, organiser sign-in (and a wrong password), judge sign-in with a PIN, a PIN reset,
 * device registration, the device on MQTT, display pairing and its socket. Afterwards no line of
 * the server's output holds any of them. The one exception is by design: the first start prints
 * the one-time setup link, so its token may appear in that line and nowhere else.
 */
async function runTheDay(
  venue: Venue,
): Promise<{ secrets: Record<string, string>; setupToken: string }> {
  const link =
    /First run: create the organiser account at \S+\/console\/setup\?token=([A-Z0-9]+)/.exec(
      venue.output(),
    );
  if (!link) throw new Error(`No setup link in:\n${venue.output()}`);
  const setupToken = link[1];
  const password = 'Жаңа-құпия-сөз-2026';

  // The organiser opens the printed link in the browser, then creates the account.
  await request(venue.url)
    .get(`/console/setup?token=${setupToken}`)
    .set('Accept', 'text/html')
    .expect(200);
  const setup = await request(venue.url)
    .post('/api/setup')
    .send({ token: setupToken, username: 'aigul', password })
    .expect(201);
  await request(venue.url)
    .post('/api/auth/organiser')
    .send({ username: 'aigul', password: `${password}-typo` })
    .expect(401);
  const organiser = (
    await request(venue.url)
      .post('/api/auth/organiser')
      .send({ username: 'aigul', password })
      .expect(200)
  ).body.token as string;

  const stage = await createMazeStage(venue, organiser);
  const judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
  await request(venue.url)
    .post('/api/auth/judge')
    .send({ stageCode: stage.stageCode, pin: '000000' })
    .expect(401);
  await request(venue.url).get('/api/me').set('Authorization', `Bearer ${judge}`).expect(200);
  const reset = await request(venue.url)
    .post(`/api/judges/${stage.headJudge.id}/pin`)
    .set('Authorization', `Bearer ${organiser}`)
    .expect(200);
  const headJudge = await judgeToken(venue, stage.stageCode, reset.body.pin);
  // An old token after the reset: refused, and the refusal logs no token either.
  await request(venue.url).get('/api/me').set('Authorization', `Bearer ${judge}x`).expect(401);

  const field = await addMazeField(venue, organiser, stage, 'gate-sec-1');
  const device = await RawDevice.connect(venue.mqttUrl!, field.deviceId, field.secret);
  await device.status(true);
  await device.publish(device.heartbeat(1_000_000));
  await eventually(async () => {
    const devices = (
      await request(venue.url)
        .get(`/api/stages/${stage.stageId}/devices`)
        .set('Authorization', `Bearer ${organiser}`)
        .expect(200)
    ).body;
    expect(devices.find((d: { id: string }) => d.id === field.deviceId)).toMatchObject({
      online: true,
    });
  });
  device.client.end(true);
  // A device with a wrong secret is refused; the attempt's secret is not logged.
  await expect(
    RawDevice.connect(venue.mqttUrl!, field.deviceId, 'WRONG-SECRET-NOT-IN-LOGS'),
  ).rejects.toThrow();

  const pairing = (await request(venue.url).post('/api/displays/pairing').expect(201)).body;
  await request(venue.url)
    .post('/api/displays/claim')
    .set('Authorization', `Bearer ${organiser}`)
    .send({ code: pairing.code, name: 'Hall screen', stageCode: stage.stageCode })
    .expect(200);
  const screen = io(venue.url, { transports: ['websocket'], reconnection: false });
  const hello: DisplayHello = { displayId: pairing.displayId, secret: pairing.secret };
  const answer = await new Promise<{ ok: boolean }>((resolve) =>
    screen.emit('display:hello' as never, hello as never, resolve as never),
  );
  expect(answer.ok).toBe(true);
  screen.close();

  return {
    setupToken,
    secrets: {
      password,
      setupAnswerToken: setup.body.token,
      organiserToken: organiser,
      judgePin: stage.judge.pin,
      headJudgePin: stage.headJudge.pin,
      newPin: reset.body.pin,
      judgeToken: judge,
      headJudgeToken: headJudge,
      deviceSecret: field.secret,
      wrongDeviceSecret: 'WRONG-SECRET-NOT-IN-LOGS',
      pairingCode: pairing.code,
      displaySecret: pairing.secret,
    },
  };
}

/** The lines holding the value; a PIN of six digits is looked for as a whole number, not inside a longer one. */
function linesWith(output: string, value: string): string[] {
  const pattern = /^\d+$/.test(value) ? new RegExp(`(^|\\D)${value}(\\D|$)`) : null;
  return output.split('\n').filter((line) => (pattern ? pattern.test(line) : line.includes(value)));
}

describe.each([
  ['json', 'verbose'],
  ['text', 'verbose'],
])('no secret in the logs (LOG_FORMAT=%s, LOG_LEVEL=%s)', (format, level) => {
  let venue: Venue;
  afterAll(() => venue.stop());

  it('logs none of the secrets of a day', async () => {
    venue = await startVenue({ env: { ADMIN_PASSWORD: '', LOG_FORMAT: format, LOG_LEVEL: level } });
    const { secrets, setupToken } = await runTheDay(venue);
    await venue.stop();
    const output = venue.output();
    // The run did log, at the level asked: requests (json) or the broker's and the server's chatter.
    expect(output.split('\n').length).toBeGreaterThan(20);
    // JSON logs have a line per request: the ones that carried a token show it redacted.
    if (format === 'json') expect(output).toContain('"authorization":"[Redacted]"');

    const found = Object.entries(secrets).flatMap(([name, value]) =>
      linesWith(output, value).map((line) => `${name}: ${line.slice(0, 300)}`),
    );
    expect(found).toEqual([]);
    const setupLines = linesWith(output, setupToken);
    expect(setupLines).toHaveLength(1);
    expect(setupLines[0]).toMatch(/First run: create the organiser account at/);
  });
});
