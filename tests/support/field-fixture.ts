import type { RunState } from '@olympiad/contracts';
import request from 'supertest';
import type { Venue } from './start-venue';
import type { mazeAttempt, StageFixture } from './venue-api';

/** Adds a maze field with a registered sensor device to a stage; returns ids and the device secret. */
export async function addMazeField(venue: Venue, organiser: string, stage: StageFixture, deviceId: string) {
  return addSensorField(venue, organiser, stage.stageId, deviceId, { name: 'Maze table 1', discipline: 'maze', label: 'gates' });
}

/** Adds a field (maze table or sumo ring) with its registered controller; returns ids and the device secret. */
export async function addSensorField(venue: Venue, organiser: string, stageId: string, deviceId: string, field: { name: string; discipline: 'maze' | 'sumo'; label: string }) {
  const auth = { Authorization: `Bearer ${organiser}` };
  const created = (await request(venue.url).post('/api/fields').set(auth).send({ stageId, name: field.name, discipline: field.discipline }).expect(201)).body;
  const device = (await request(venue.url).post('/api/devices').set(auth).send({ id: deviceId, fieldId: created.id, label: field.label }).expect(201)).body;
  return { fieldId: created.id as string, deviceId, secret: device.secret as string };
}

export async function armRun(venue: Venue, token: string, fieldId: string, body: { categoryId: string; teamId: string; attempt: number }) {
  return (await request(venue.url).post(`/api/fields/${fieldId}/runs`).set('Authorization', `Bearer ${token}`).send(body).expect(201)).body;
}

/**
 * The field judge confirms the field's finished run as the tablet does: `entry` recorded superseding
 * the run's provisional gate entry, with `reason`.
 */
export async function confirmFinishedRun(venue: Venue, token: string, fieldId: string, entry: ReturnType<typeof mazeAttempt>, reason: string) {
  const run: RunState = (await request(venue.url).get(`/api/fields/${fieldId}/run`).set('Authorization', `Bearer ${token}`).expect(200)).body;
  expect(run.state).toBe('finished');
  const provisional = run.state === 'finished' ? run.entryId : null;
  expect(provisional).toBeTruthy();
  await request(venue.url).post('/api/ledger').set('Authorization', `Bearer ${token}`).send({ ...entry, supersedes: provisional, reason }).expect(201);
}

/** Polls until `check` passes (sensor messages are asynchronous); fails with the last error after `ms`. */
export async function eventually<T>(check: () => Promise<T>, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
