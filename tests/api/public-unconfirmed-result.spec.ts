import type {
  ClientToServerEvents,
  JoinResult,
  ServerToClientEvents,
  StandingsDelta,
} from '@olympiad/contracts';
import type { StandingRow } from '@olympiad/scoring';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { addMazeField, armRun, confirmFinishedRun, eventually } from '../support/field-fixture';
import { RawDevice } from '../support/raw-device';
import { exportedStatus } from '../support/results-export';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  mazeAttempt,
  organiserToken,
  publishLive,
  type StageFixture,
} from '../support/venue-api';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A finish gate's time before the maze judge confirms it (docs/results-display.md): every public
 * path (REST, the live snapshot and the deltas) shows it as unconfirmed and never ranks it; the
 * judge's confirmation, touches added, places the team on the confirmed time.
 */
describe('a sensor time awaiting the judge, on the public paths', () => {
  let venue: Venue;
  let organiser: string;
  let judge: string;
  let stage: StageFixture;
  let field: { fieldId: string; deviceId: string; secret: string };
  let viewer: Client;
  const deltas: StandingsDelta[] = [];
  const open: { close(): unknown }[] = [];

  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 5 });
    await publishLive(venue, organiser, stage);
    field = await addMazeField(venue, organiser, stage, `gates-${randomUUID().slice(0, 8)}`);
    judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    // Three confirmed results: 1:40, 1:45 and 1:50.
    for (const [index, time] of [100_000, 105_000, 110_000].entries()) {
      await request(venue.url)
        .post('/api/ledger')
        .set('Authorization', `Bearer ${judge}`)
        .send(mazeAttempt(stage, stage.teamIds[index], 1, time))
        .expect(201);
    }
    viewer = io(venue.url, { transports: ['websocket'], reconnection: false });
    open.push(viewer);
    viewer.on('standings:delta', (delta) => deltas.push(delta));
    const joined = await new Promise<JoinResult>((resolve) =>
      viewer.emit('join', { kind: 'category', id: stage.categoryId }, resolve),
    );
    expect(joined.ok).toBe(true);
  });
  afterAll(async () => {
    for (const thing of open) await thing.close();
    await venue.stop();
  });

  const publicRow = async (teamId: string): Promise<StandingRow> => {
    const body = (
      await request(venue.url)
        .get(`/api/public/categories/${stage.categoryId}/standings`)
        .expect(200)
    ).body;
    return body.standings.rows.find((row: StandingRow) => row.teamId === teamId);
  };
  const snapshotRow = async (teamId: string): Promise<StandingRow | undefined> => {
    const result = await new Promise<JoinResult>((resolve) =>
      viewer.emit('resync', { kind: 'category', id: stage.categoryId }, resolve),
    );
    return result.ok
      ? result.standings?.standings.rows.find((row) => row.teamId === teamId)
      : undefined;
  };
  /** The runs a public screen joining the stage room is handed first. */
  const stageRuns = async () => {
    const screen: Client = io(venue.url, { transports: ['websocket'], reconnection: false });
    try {
      const joined = await new Promise<JoinResult>((resolve) =>
        screen.emit('join', { kind: 'stage', id: stage.stageId }, resolve),
      );
      return joined.ok ? joined.runs : undefined;
    } finally {
      screen.close();
    }
  };
  const deltaRows = (teamId: string) =>
    deltas.flatMap((delta) => delta.changed).filter((row) => row.teamId === teamId);

  it('shows the gate time as unconfirmed, unplaced, until the judge confirms it with the touches', async () => {
    const team = stage.teamIds[3];
    const gates = await RawDevice.connect(venue.mqttUrl as string, field.deviceId, field.secret);
    open.push(gates);
    await armRun(venue, judge, field.fieldId, {
      categoryId: stage.categoryId,
      teamId: team,
      attempt: 1,
    });
    await gates.publish(gates.gate('start', 5_000_000));
    await gates.publish(gates.gate('finish', 5_000_000 + 107_981_000));

    // The gate time (1:47.981) would be 4th; it is nobody's place before the judge confirms it.
    await eventually(async () =>
      expect((await publicRow(team)).unconfirmed).toEqual({
        primary: 107_981,
        display: '1:47.981',
        timePrecision: 'ms',
      }),
    );
    expect(await publicRow(team)).toMatchObject({
      place: null,
      status: 'not-scored',
      primary: null,
    });
    expect(await snapshotRow(team)).toMatchObject({
      place: null,
      status: 'not-scored',
      unconfirmed: { primary: 107_981 },
    });
    await eventually(async () => expect(deltaRows(team).length).toBeGreaterThan(0));
    expect(deltaRows(team).every((row) => row.place === null && row.primary === null)).toBe(true);
    const third = await publicRow(stage.teamIds[2]);
    expect(third.place).toBe(3);

    // A hall screen that joins now (or comes back after a Wi-Fi drop) sees the field's run at once.
    expect(await stageRuns()).toEqual([
      expect.objectContaining({
        fieldId: field.fieldId,
        state: 'finished',
        durationMs: 107_981,
        teamId: team,
      }),
    ]);

    // An export made now says the same, in the table's precision, and does not place it.
    expect(await exportedStatus(venue, organiser, stage.categoryId, 'Қыран 4')).toBe(
      'Алдын ала 1:47.98: төреші растауын күтуде / Предварительно 1:47.98: ждёт подтверждения судьи',
    );
    // Diplomas would print the places without it: refused until the judge settles it.
    const diplomas = await request(venue.url)
      .get(`/api/categories/${stage.categoryId}/diplomas.pdf`)
      .set('Authorization', `Bearer ${organiser}`)
      .expect(409);
    expect(diplomas.body.key).toBe('results.unconfirmedPending');

    // Locking now would drop the run from the final standings: refused, and nothing changes.
    const refused = await request(venue.url)
      .post(`/api/categories/${stage.categoryId}/lock`)
      .set('Authorization', `Bearer ${organiser}`)
      .expect(409);
    expect(refused.body.key).toBe('categories.unconfirmedResults');

    // The judge confirms it with one touch (+10 s): 1:57.981, 4th, no longer awaiting anyone.
    await confirmFinishedRun(
      venue,
      judge,
      field.fieldId,
      mazeAttempt(stage, team, 1, 107_981, { timing: 'sensor', touches: 1 }),
      'Field judge: touches added to the sensor time',
    );
    await eventually(async () =>
      expect(await publicRow(team)).toMatchObject({ place: 4, status: 'ranked', primary: 117_981 }),
    );
    expect((await publicRow(team)).unconfirmed).toBeUndefined();
    expect(await snapshotRow(team)).toMatchObject({ place: 4, primary: 117_981 });
    await eventually(async () =>
      expect(deltaRows(team).at(-1)).toMatchObject({ place: 4, primary: 117_981 }),
    );
    expect(deltaRows(team).at(-1)?.unconfirmed).toBeUndefined();

    // Results withdrawn: the field's run is no longer handed to the public either.
    const auth = { Authorization: `Bearer ${organiser}` };
    await request(venue.url)
      .post(`/api/categories/${stage.categoryId}/unpublish`)
      .set(auth)
      .expect(200);
    expect(await stageRuns()).toEqual([]);
    await request(venue.url)
      .post(`/api/categories/${stage.categoryId}/publish`)
      .set(auth)
      .expect(200);

    // Confirmed: the category may be locked.
    await request(venue.url)
      .post(`/api/categories/${stage.categoryId}/lock`)
      .set('Authorization', `Bearer ${organiser}`)
      .expect(200);
  });
});
