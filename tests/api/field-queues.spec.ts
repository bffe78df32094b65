import type { ClientToServerEvents, FieldQueue, JoinResult, RunState, ServerToClientEvents } from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { addMazeField, addSensorField, armRun, eventually } from '../support/field-fixture';
import { RawDevice } from '../support/raw-device';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, judgeToken, mazeAttempt, organiserToken, type StageFixture } from '../support/venue-api';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Running the day: GET /api/stages/:id/field-queues is what the console's attempt queue and field
 * overview start from; the run on the field comes from the field room, which the organiser joins.
 */
describe('field queues: the maze attempt queue of each table and the next sumo match', () => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;
  let table: { fieldId: string; deviceId: string; secret: string };
  let fieldJudge: string;
  const open: { close(): unknown }[] = [];
  const auth = () => ({ Authorization: `Bearer ${organiser}` });
  const post = (path: string, body: object = {}) => request(venue.url).post(path).set(auth()).send(body);

  const queues = async (token = organiser): Promise<FieldQueue[]> =>
    (await request(venue.url).get(`/api/stages/${stage.stageId}/field-queues`).set('Authorization', `Bearer ${token}`).expect(200)).body;
  const tableQueue = async () => (await queues()).find((field) => field.fieldId === table.fieldId) as FieldQueue;
  const order = (field: FieldQueue) => field.teams.map((team) => [team.name, team.nextAttempt]);

  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 3 });
    table = await addMazeField(venue, organiser, stage, `queue-${randomUUID().slice(0, 8)}`);
    // The judge who stands at the table and judges the maze category: the category runs there.
    const judge = (await post('/api/judges', { stageId: stage.stageId, name: 'Дана', role: 'judge', categoryIds: [stage.categoryId], fieldIds: [table.fieldId] }).expect(201)).body;
    await request(venue.url).patch(`/api/stages/${stage.stageId}`).set(auth()).send({ status: 'live' }).expect(200);
    fieldJudge = await judgeToken(venue, stage.stageCode, judge.pin);
  });
  afterAll(async () => {
    for (const thing of open) await thing.close();
    await venue.stop();
  });

  it('lists the teams of the categories whose judges stand at the table, attempt 1 first, by name', async () => {
    const field = await tableQueue();
    expect(field).toMatchObject({ name: 'Maze table 1', discipline: 'maze', categories: [{ id: stage.categoryId, name: 'Maze 3–4', attempts: 3 }], nextMatch: null });
    expect(order(field)).toEqual([
      ['Қыран 1', 1],
      ['Қыран 2', 1],
      ['Қыран 3', 1],
    ]);
    expect(field.teams[0]).toMatchObject({ attemptsUsed: 0, attemptsAllowed: 3, school: 'Школа №21', categoryId: stage.categoryId });
  });

  it('a table without judges runs nothing yet, and says so with empty lists', async () => {
    const other = (await post('/api/fields', { stageId: stage.stageId, name: 'Maze table 2', discipline: 'maze' }).expect(201)).body;
    const field = (await queues()).find((candidate) => candidate.fieldId === other.id);
    expect(field).toMatchObject({ categories: [], teams: [], nextMatch: null });
  });

  it('moves on as a sensor-timed run ends: armed → running → finished in the field room, the team to the next round', async () => {
    const staff: Client = io(venue.url, { transports: ['websocket'], auth: { token: organiser }, reconnection: false });
    open.push(staff);
    const seen: RunState[] = [];
    staff.on('run:state', (run) => seen.push(run));
    const joined = await new Promise<JoinResult>((resolve) => staff.emit('join', { kind: 'field', id: table.fieldId }, resolve));
    expect(joined).toMatchObject({ ok: true, run: { state: 'idle' } });

    const gates = await RawDevice.connect(venue.mqttUrl!, table.deviceId, table.secret);
    open.push(gates);
    await armRun(venue, fieldJudge, table.fieldId, { categoryId: stage.categoryId, teamId: stage.teamIds[0], attempt: 1 });
    await gates.publish(gates.gate('start', 5_000_000));
    await gates.publish(gates.gate('finish', 52_310_000));
    await eventually(async () => expect(seen.map((run) => run.state)).toEqual(['armed', 'running', 'finished']));
    expect(seen[2]).toMatchObject({ teamId: stage.teamIds[0], attempt: 1, durationMs: 47_310 });

    await eventually(async () =>
      expect(order(await tableQueue())).toEqual([
        ['Қыран 2', 1],
        ['Қыран 3', 1],
        ['Қыран 1', 2],
      ]),
    );
  });

  it('counts a judge’s own entries and voids, puts teams that used every attempt last and leaves out absent teams', async () => {
    const judge = { Authorization: `Bearer ${fieldJudge}` };
    for (const attempt of [2, 3]) await request(venue.url).post('/api/ledger').set(judge).send(mazeAttempt(stage, stage.teamIds[0], attempt, 50_000 + attempt)).expect(201);
    const wrong = mazeAttempt(stage, stage.teamIds[1], 1, 61_000);
    await request(venue.url).post('/api/ledger').set(judge).send(wrong).expect(201);
    await request(venue.url)
      .post('/api/ledger')
      .set(judge)
      .send({ id: randomUUID(), categoryId: stage.categoryId, teamId: stage.teamIds[1], kind: 'void', payload: { reason: 'wrong team' }, supersedes: wrong.id, reason: 'wrong team', recordedAt: new Date().toISOString() })
      .expect(201);
    await request(venue.url).patch(`/api/teams/${stage.teamIds[2]}`).set(auth()).send({ status: 'absent' }).expect(200);
    const field = await tableQueue();
    expect(order(field)).toEqual([
      ['Қыран 2', 1],
      ['Қыран 1', null],
    ]);
    expect(field.teams[1]).toMatchObject({ attemptsUsed: 3 });
  });

  it('gives a sumo ring its next match from the draw', async () => {
    const sumo = (
      await post('/api/categories', { stageId: stage.stageId, discipline: 'sumo', ageGroup: { label: '5–6', minGrade: 5, maxGrade: 6 }, name: 'Сумо 5–6', preset: 'sumo-default' }).expect(201)
    ).body;
    const school = (await post('/api/schools', { name: 'Лицей №7', regionCode: 'aktobe' }).expect(201)).body;
    for (const name of ['Алпамыс', 'Батыр', 'Жолбарыс', 'Көкжал']) {
      await post('/api/teams', { stageId: stage.stageId, schoolId: school.id, categoryId: sumo.id, name, members: [{ name: 'Ерлан', grade: 6 }] }).expect(201);
    }
    const ring = (await post('/api/fields', { stageId: stage.stageId, name: 'Ring 1', discipline: 'sumo' }).expect(201)).body;
    await post('/api/judges', { stageId: stage.stageId, name: 'Бекзат', role: 'judge', categoryIds: [sumo.id, stage.categoryId], fieldIds: [ring.id] }).expect(201);
    expect((await queues()).find((field) => field.fieldId === ring.id)).toMatchObject({ categories: [{ id: sumo.id, attempts: null }], teams: [], nextMatch: null });

    await post(`/api/categories/${sumo.id}/sumo/draw`, { seed: 7 }).expect(201);
    const next = (await queues()).find((field) => field.fieldId === ring.id)?.nextMatch;
    expect(next).toMatchObject({ categoryId: sumo.id, underWay: false });
    expect(['Алпамыс', 'Батыр', 'Жолбарыс', 'Көкжал']).toEqual(expect.arrayContaining([next?.a.name, next?.b.name]));
  });

  it('is for the stage’s own staff: a judge of another stage is refused, an unknown stage is not found', async () => {
    expect((await queues(fieldJudge)).length).toBeGreaterThan(0);
    const elsewhere = await createMazeStage(venue, organiser, { teams: 1 });
    const stranger = await judgeToken(venue, elsewhere.stageCode, elsewhere.judge.pin);
    await request(venue.url).get(`/api/stages/${stage.stageId}/field-queues`).set('Authorization', `Bearer ${stranger}`).expect(403);
    await request(venue.url).get(`/api/stages/${randomUUID()}/field-queues`).set(auth()).expect(404);
    await request(venue.url).get(`/api/stages/${stage.stageId}/field-queues`).expect(401);
  });
});

/**
 * Two tables running one category, and a finished run followed through the judge's confirmation:
 * what the console's Fields now and Attempt queue are built from.
 */
describe('field queues: tables sharing a category, and a finished run after the judge', () => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;
  let tables: { fieldId: string; deviceId: string; secret: string }[];
  let judges: string[];
  const open: { close(): unknown }[] = [];
  const auth = () => ({ Authorization: `Bearer ${organiser}` });
  const queueOf = async (fieldId: string): Promise<FieldQueue> =>
    ((await request(venue.url).get(`/api/stages/${stage.stageId}/field-queues`).set(auth()).expect(200)).body as FieldQueue[]).find((field) => field.fieldId === fieldId) as FieldQueue;

  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 5 });
    tables = [];
    judges = [];
    for (const [index, name] of ['Maze table 1', 'Maze table 2'].entries()) {
      const table = await addSensorField(venue, organiser, stage.stageId, `shared-${index}-${randomUUID().slice(0, 8)}`, { name, discipline: 'maze', label: 'gates' });
      tables.push(table);
      const judge = (
        await request(venue.url).post('/api/judges').set(auth()).send({ stageId: stage.stageId, name: `Төреші ${index + 1}`, role: 'judge', categoryIds: [stage.categoryId], fieldIds: [table.fieldId] }).expect(201)
      ).body;
      judges.push(await judgeToken(venue, stage.stageCode, judge.pin));
    }
    await request(venue.url).patch(`/api/stages/${stage.stageId}`).set(auth()).send({ status: 'live' }).expect(200);
  });
  afterAll(async () => {
    for (const thing of open) await thing.close();
    await venue.stop();
  });

  it('splits the category’s teams between the two tables in name order: no team is called at both', async () => {
    const [first, second] = [await queueOf(tables[0].fieldId), await queueOf(tables[1].fieldId)];
    expect(first.teams.map((team) => team.name)).toEqual(['Қыран 1', 'Қыран 2', 'Қыран 3']);
    expect(second.teams.map((team) => team.name)).toEqual(['Қыран 4', 'Қыран 5']);
    expect(first.categories).toEqual([expect.objectContaining({ id: stage.categoryId, sharedWith: ['Maze table 2'] })]);
    expect(second.categories).toEqual([expect.objectContaining({ id: stage.categoryId, sharedWith: ['Maze table 1'] })]);

    // A team marked absent leaves its table's list without moving anyone to the other table.
    await request(venue.url).patch(`/api/teams/${stage.teamIds[1]}`).set(auth()).send({ status: 'absent' }).expect(200);
    expect((await queueOf(tables[0].fieldId)).teams.map((team) => team.name)).toEqual(['Қыран 1', 'Қыран 3']);
    expect((await queueOf(tables[1].fieldId)).teams.map((team) => team.name)).toEqual(['Қыран 4', 'Қыран 5']);
  });

  it('a finished run is provisional until the judge replaces its attempt, then carries the confirmed result; a freed field is idle for whoever joins later', async () => {
    const table = tables[0];
    const gates = await RawDevice.connect(venue.mqttUrl!, table.deviceId, table.secret);
    open.push(gates);
    await armRun(venue, judges[0], table.fieldId, { categoryId: stage.categoryId, teamId: stage.teamIds[0], attempt: 1 });
    await gates.publish(gates.gate('start', 5_000_000));
    await gates.publish(gates.gate('finish', 52_381_000));
    const run = await eventually(async () => {
      const current = (await request(venue.url).get(`/api/fields/${table.fieldId}/run`).set(auth()).expect(200)).body as RunState;
      expect(current).toMatchObject({ state: 'finished', durationMs: 47_381 });
      return current as Extract<RunState, { state: 'finished' }>;
    });
    expect((await queueOf(table.fieldId)).lastRun).toEqual({ runId: run.runId, state: 'provisional', attempt: null });

    // The judge adds a touch: a correction of the gate's entry, as the tablet sends it.
    const confirmed = mazeAttempt(stage, stage.teamIds[0], 1, 47_381, { touches: 1, timing: 'sensor' });
    await request(venue.url)
      .post('/api/ledger')
      .set('Authorization', `Bearer ${judges[0]}`)
      .send({ ...confirmed, supersedes: run.entryId, reason: 'touches added' })
      .expect(201);
    expect((await queueOf(table.fieldId)).lastRun).toEqual({
      runId: run.runId,
      state: 'replaced',
      attempt: { outcome: 'finished', resultMs: 57_381, touches: 1, timing: 'sensor', timeMs: 47_381 },
    });

    // The tablet frees the field after confirming. A screen joining afterwards sees it idle.
    await request(venue.url).delete(`/api/fields/${table.fieldId}/runs/current`).set('Authorization', `Bearer ${judges[0]}`).expect(200);
    const late: Client = io(venue.url, { transports: ['websocket'], auth: { token: organiser }, reconnection: false });
    open.push(late);
    const joined = await new Promise<JoinResult>((resolve) => late.emit('join', { kind: 'field', id: table.fieldId }, resolve));
    expect(joined).toMatchObject({ ok: true, run: { state: 'idle' } });
    expect((await request(venue.url).get(`/api/fields/${table.fieldId}/run`).set(auth()).expect(200)).body).toEqual({ fieldId: table.fieldId, state: 'idle' });
    expect((await queueOf(table.fieldId)).lastRun).toBeNull();
  });
});

