import type { ClientToServerEvents, HeldEntry, JoinResult, ServerToClientEvents } from '@olympiad/contracts';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { describeOnEachDatabase, freshPostgresDatabase } from '../support/fresh-postgres';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, judgeToken, mazeAttempt, organiserToken, type StageFixture } from '../support/venue-api';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** SQLite always; PostgreSQL too under `npm test` (see tests/support/fresh-postgres.ts). */
const onEachDatabase = describeOnEachDatabase<() => Promise<Record<string, string>>>(
  async () => ({}),
  async () => ({ DATABASE_URL: await freshPostgresDatabase() }),
);

/**
 * An entry a tablet made offline on a category that was locked meanwhile is refused
 * by the ledger, handed to the head judge's review queue, and accepted (into the ledger with its
 * own UUID, so the tablet's resend is a duplicate) or dismissed with a reason. Nothing is deleted.
 */
onEachDatabase('the head judge’s review queue of held entries on %s', (_database, venueEnv) => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;
  let judge: string;
  let secondJudge: string;
  let secondJudgeId: string;
  let headJudge: string;
  let staffRoom: Client;
  const events: HeldEntry[] = [];
  const secondJudgesEvents: string[] = [];
  let secondJudgesRoom: ReturnType<typeof io>;

  /** Made offline on the tablet before the head judge locked the category. */
  let offlineEntry: ReturnType<typeof mazeAttempt>;
  let secondJudgesEntry: ReturnType<typeof mazeAttempt>;
  let recordedEarlier: ReturnType<typeof mazeAttempt>;

  const as = (token: string) => ({
    get: (path: string) => request(venue.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) => request(venue.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
  });
  const ledger = async () =>
    (await as(organiser).get(`/api/categories/${stage.categoryId}/ledger`).expect(200)).body as { id: string; authorId: string; payload: Record<string, unknown> }[];
  const standings = async () => (await as(organiser).get(`/api/categories/${stage.categoryId}/standings`).expect(200)).body;
  const queue = async (token: string, status?: 'open' | 'all') =>
    (await as(token).get(`/api/stages/${stage.stageId}/held-entries${status ? `?status=${status}` : ''}`).expect(200)).body as HeldEntry[];
  /** What the tablet sends after the ledger refused the entry. */
  const hold = (token: string, entry: object) =>
    as(token).post('/api/held-entries', { entry, refusal: { key: 'ledger.categoryLocked', message: 'This category is locked; the head judge must unlock it first' } });
  const resolve = (token: string, id: string, action: 'accept' | 'dismiss', reason: string) =>
    as(token).post(`/api/held-entries/${id}/resolve`, { action, reason });
  const nextEvent = async (count: number) => {
    for (let i = 0; i < 100 && events.length < count; i++) await new Promise((done) => setTimeout(done, 50));
    expect(events).toHaveLength(count);
    return events[count - 1];
  };

  beforeAll(async () => {
    venue = await startVenue({ env: await venueEnv() });
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 3 });
    const second = (await as(organiser).post('/api/judges', { stageId: stage.stageId, name: 'Дана', role: 'judge', categoryIds: [stage.categoryId] }).expect(201)).body;
    secondJudgeId = second.id;
    judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    secondJudge = await judgeToken(venue, stage.stageCode, second.pin);
    headJudge = await judgeToken(venue, stage.stageCode, stage.headJudge.pin);

    staffRoom = io(venue.url, { transports: ['websocket'], auth: { token: headJudge }, reconnection: false });
    await new Promise<void>((done, fail) => {
      staffRoom.once('connect', () => done());
      staffRoom.once('connect_error', fail);
    });
    const joined = await new Promise<JoinResult>((done) => staffRoom.emit('join', { kind: 'stage', id: stage.stageId }, done));
    expect(joined.ok).toBe(true);
    staffRoom.on('held:changed', (held) => events.push(held));
    // A plain judge in the same staff room: sees their own held entries only.
    secondJudgesRoom = io(venue.url, { transports: ['websocket'], auth: { token: secondJudge }, reconnection: false });
    await new Promise<void>((done, fail) => {
      secondJudgesRoom.once('connect', () => done());
      secondJudgesRoom.once('connect_error', fail);
    });
    expect((await new Promise<JoinResult>((done) => secondJudgesRoom.emit('join', { kind: 'stage', id: stage.stageId }, done))).ok).toBe(true);
    secondJudgesRoom.on('held:changed', (held) => secondJudgesEvents.push(held.id));

    recordedEarlier = mazeAttempt(stage, stage.teamIds[1], 1, 70_000);
    await as(judge).post('/api/ledger', recordedEarlier).expect(201);
    offlineEntry = mazeAttempt(stage, stage.teamIds[0], 1, 52_310);
    secondJudgesEntry = mazeAttempt(stage, stage.teamIds[2], 1, 48_000);
    await as(headJudge).post(`/api/categories/${stage.categoryId}/lock`, {}).expect(200);
  });
  afterAll(async () => {
    staffRoom?.close();
    secondJudgesRoom?.close();
    await venue?.stop();
  });

  it('holds an entry the ledger refused, with what the head judge needs to decide, and tells the staff room', async () => {
    const refused = await as(judge).post('/api/ledger', offlineEntry).expect(409);
    expect(refused.body.key).toBe('ledger.categoryLocked');

    const held = (await hold(judge, offlineEntry).expect(201)).body as HeldEntry;
    expect(held).toEqual({
      id: offlineEntry.id,
      stageId: stage.stageId,
      categoryId: stage.categoryId,
      categoryName: 'Maze 3–4',
      teamId: stage.teamIds[0],
      teamName: 'Қыран 1',
      entry: { ...offlineEntry, supersedes: null, reason: null, deviceId: null },
      refusal: { key: 'ledger.categoryLocked', message: 'This category is locked; the head judge must unlock it first' },
      heldBy: { id: stage.judge.id, name: 'Асқар' },
      heldAt: expect.any(String),
      status: 'open',
      resolution: null,
    });
    expect(await nextEvent(1)).toEqual(held);
  });

  it('is idempotent on the entry id: the same entry again is 200, other content under its id is 409', async () => {
    const [stored] = await queue(headJudge);
    const again = await hold(judge, offlineEntry).expect(200);
    expect(again.body).toEqual(stored);
    // The same entry with its payload's keys in another order is still the same entry.
    const reordered = { ...offlineEntry, payload: Object.fromEntries(Object.entries(offlineEntry.payload).reverse()) };
    await hold(judge, reordered).expect(200);

    const altered = { ...offlineEntry, payload: { ...offlineEntry.payload, timeMs: 40_000 } };
    expect((await hold(judge, altered).expect(409)).body.key).toBe('held.idReused');
    expect(await queue(headJudge)).toEqual([stored]);
    expect(events).toHaveLength(1);
  });

  it('refuses to hold an entry the ledger already has, or one of no category', async () => {
    const response = await hold(judge, recordedEarlier).expect(409);
    expect(response.body).toMatchObject({ key: 'held.alreadyRecorded', statusCode: 409 });
    const nowhere = { ...mazeAttempt(stage, stage.teamIds[0], 2, 60_000), categoryId: '00000000-0000-4000-8000-00000000beef' };
    expect((await hold(judge, nowhere).expect(400)).body.key).toBe('errors.unknownReference');
    expect((await queue(headJudge)).map((held) => held.id)).toEqual([offlineEntry.id]);
  });

  it('shows the head judge and the organiser every held entry, and a judge only their own', async () => {
    await hold(secondJudge, secondJudgesEntry).expect(201);
    await nextEvent(2);
    const all = [offlineEntry.id, secondJudgesEntry.id];
    expect((await queue(headJudge)).map((held) => held.id)).toEqual(all);
    expect((await queue(organiser, 'open')).map((held) => held.id)).toEqual(all);
    expect((await queue(judge)).map((held) => held.id)).toEqual([offlineEntry.id]);
    expect((await queue(secondJudge, 'all')).map((held) => [held.id, held.heldBy.id])).toEqual([[secondJudgesEntry.id, secondJudgeId]]);
    expect((await as(headJudge).get(`/api/stages/${stage.stageId}/held-entries?status=closed`).expect(400)).body.key).toBe('errors.validation');
    await request(venue.url).get(`/api/stages/${stage.stageId}/held-entries`).expect(401);
  });

  it("sends a plain judge's socket their own held entries only", async () => {
    await nextEvent(2);
    for (let i = 0; i < 40 && secondJudgesEvents.length === 0; i++) await new Promise((done) => setTimeout(done, 50));
    await new Promise((done) => setTimeout(done, 200)); // time for anything else that might come
    // The head judge saw both entries being held; the second judge only the one they made.
    expect(events.map((held) => held.id)).toEqual([offlineEntry.id, secondJudgesEntry.id]);
    expect(secondJudgesEvents).toEqual([secondJudgesEntry.id]);
  });

  it('keeps other stages and plain judges out', async () => {
    const other = await createMazeStage(venue, organiser, { teams: 1, code: 'OTHER-1' });
    const otherHead = await judgeToken(venue, other.stageCode, other.headJudge.pin);
    expect((await as(otherHead).get(`/api/stages/${stage.stageId}/held-entries`).expect(403)).body.key).toBe('errors.forbidden');
    await resolve(otherHead, offlineEntry.id, 'accept', 'not my stage').expect(403);
    expect((await resolve(judge, offlineEntry.id, 'accept', 'I am sure').expect(403)).body.key).toBe('errors.forbidden');
    await resolve(headJudge, '00000000-0000-4000-8000-00000000dead', 'accept', 'no such entry').expect(404);
  });

  it('needs a reason to settle an entry', async () => {
    const response = await resolve(headJudge, offlineEntry.id, 'accept', ' ').expect(400);
    expect(response.body.issues[0].path).toBe('reason');
  });

  it('answers an accept while the category is still locked with the ledger’s refusal and changes nothing', async () => {
    const ledgerBefore = await ledger();
    const standingsBefore = await standings();
    const response = await resolve(headJudge, offlineEntry.id, 'accept', 'The robot finished; the video shows it').expect(409);
    expect(response.body.key).toBe('ledger.categoryLocked');
    expect(await ledger()).toEqual(ledgerBefore);
    expect(await standings()).toEqual(standingsBefore);
    expect((await queue(headJudge)).find((held) => held.id === offlineEntry.id)).toMatchObject({ status: 'open', resolution: null });
    expect(events).toHaveLength(2);
  });

  it('after an unlock, accepts the entry into the ledger once, as its judge made it, and the standings follow', async () => {
    const row = (body: { standings: { rows: { teamId: string; primary: number | null; status: string }[] } }) =>
      body.standings.rows.find((candidate) => candidate.teamId === stage.teamIds[0]);
    expect(row(await standings())).toMatchObject({ status: 'not-scored', primary: null });
    await as(headJudge).post(`/api/categories/${stage.categoryId}/unlock`, {}).expect(200);

    const accepted = (await resolve(headJudge, offlineEntry.id, 'accept', 'The robot finished; the video shows it').expect(200)).body as HeldEntry;
    expect(accepted).toMatchObject({
      id: offlineEntry.id,
      status: 'accepted',
      resolution: { action: 'accept', reason: 'The robot finished; the video shows it', by: { id: stage.headJudge.id, name: 'Гүлнар' }, at: expect.any(String) },
    });
    expect(await nextEvent(3)).toEqual(accepted);

    const rows = (await ledger()).filter((entry) => entry.id === offlineEntry.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ authorId: stage.judge.id, payload: { attempt: 1, timeMs: 52_310, outcome: 'finished' } });
    expect(row(await standings())).toMatchObject({ primary: 52_310 });
    const verify = await as(organiser).get(`/api/categories/${stage.categoryId}/standings/verify`).expect(200);
    expect(verify.body.matches).toBe(true);

    expect((await resolve(headJudge, offlineEntry.id, 'dismiss', 'changed my mind').expect(409)).body.key).toBe('held.alreadyResolved');
    // The tablet's handover resent later changes nothing either.
    expect((await hold(judge, offlineEntry).expect(200)).body).toEqual(accepted);
  });

  it('gives the tablet’s resend of the accepted entry the idempotent 200', async () => {
    const resend = await as(judge).post('/api/ledger', offlineEntry).expect(200);
    expect(resend.body.duplicate).toBe(true);
    expect((await ledger()).filter((entry) => entry.id === offlineEntry.id)).toHaveLength(1);
  });

  it('dismisses an entry with the reason and keeps it in the queue’s history, out of the ledger', async () => {
    const ledgerBefore = await ledger();
    const dismissed = (await resolve(organiser, secondJudgesEntry.id, 'dismiss', 'The team was not at the field at that time').expect(200))
      .body as HeldEntry;
    expect(dismissed).toMatchObject({
      status: 'dismissed',
      resolution: { action: 'dismiss', reason: 'The team was not at the field at that time', by: { name: 'organiser' } },
    });
    expect(await nextEvent(4)).toEqual(dismissed);
    expect(await ledger()).toEqual(ledgerBefore);
    expect(await queue(headJudge)).toEqual([]);
    expect((await queue(headJudge, 'all')).map((held) => [held.id, held.status])).toEqual([
      [offlineEntry.id, 'accepted'],
      [secondJudgesEntry.id, 'dismissed'],
    ]);
    expect((await queue(secondJudge, 'all'))[0]).toEqual(dismissed);
    // The tablet, not yet aware of the dismissal, sends it again: it is refused and changes nothing.
    expect((await as(secondJudge).post('/api/ledger', secondJudgesEntry).expect(409)).body.key).toBe('ledger.dismissedByHeadJudge');
    expect(await ledger()).toEqual(ledgerBefore);
  });

  it('does not dismiss an entry the tablet got into the ledger after the unlock', async () => {
    const late = mazeAttempt(stage, stage.teamIds[2], 2, 50_000);
    await hold(secondJudge, late).expect(201);
    await as(secondJudge).post('/api/ledger', late).expect(201);
    expect((await resolve(headJudge, late.id, 'dismiss', 'too late').expect(409)).body.key).toBe('held.alreadyRecorded');
    // Accepting settles it: the ledger already has it once.
    await resolve(headJudge, late.id, 'accept', 'It reached the ledger by itself').expect(200);
    expect((await ledger()).filter((entry) => entry.id === late.id)).toHaveLength(1);
  });
});
