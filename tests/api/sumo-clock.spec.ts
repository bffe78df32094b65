import type {
  ClientToServerEvents,
  JoinResult,
  ServerToClientEvents,
  SumoBracket,
  SumoClock,
} from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { createRegionalStage, type RegionalStage } from '../support/regional-stage';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken, organiserToken } from '../support/venue-api';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The default sumo rules: the whole match's 3:00 is the one clock (docs/rules.md). */
const ROUND_MS = 180_000;

/**
 * A ring's match clock (docs/results-display.md#the-sumo-round-clock): the judge's tablet reports
 * it with POST /api/fields/:id/sumo-clock; the server stamps it and sends it to the stage's rooms,
 * the public room only for a published category; a judge of another stage, an unknown or decided
 * match or a round length the rules do not give is refused and changes nothing.
 */
describe('sumo ring clock', () => {
  let venue: Venue;
  let organiser: string;
  let stage: RegionalStage;
  let other: RegionalStage;
  let ringId: string;
  let judge: string;
  let otherJudge: string;
  const published = { id: '', matches: [] as { id: string; a: string; b: string }[] };
  const embargoed = { id: '', matchId: '' };
  const clients: Client[] = [];

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const post = (path: string, body: object = {}) =>
    request(venue.url).post(path).set(auth(organiser)).send(body);
  const connect = (token?: string): Promise<Client> =>
    new Promise((resolve, reject) => {
      const client: Client = io(venue.url, {
        transports: ['websocket'],
        auth: token ? { token } : {},
        reconnection: false,
      });
      clients.push(client);
      client.once('connect', () => resolve(client));
      client.once('connect_error', reject);
    });
  const joinStage = async (client: Client) => {
    const joined = await new Promise<JoinResult>((resolve) =>
      client.emit('join', { kind: 'stage', id: stage.stageId }, resolve),
    );
    if (!joined.ok) throw new Error(joined.message);
    return joined;
  };
  /** Every `sumo:clock` a socket hears, in order. */
  const listen = (client: Client) => {
    const heard: SumoClock[] = [];
    client.on('sumo:clock', (clock) => heard.push(clock));
    return heard;
  };
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(check()).toBe(true);
  };
  const report = (token: string, fieldId: string, body: object) =>
    request(venue.url).post(`/api/fields/${fieldId}/sumo-clock`).set(auth(token)).send(body);
  const running = (categoryId: string, matchId: string, change: object = {}) => ({
    categoryId,
    matchId,
    round: 1,
    state: 'running',
    elapsedMs: 0,
    startsInMs: 5_000,
    roundMs: ROUND_MS,
    ...change,
  });

  /** Three teams drawn into a sumo category of the stage; the matches ready to play. */
  async function drawn(into: RegionalStage, name: string, schoolId: string) {
    const categoryId = into.categories[name];
    for (let i = 1; i <= 3; i++)
      await post('/api/teams', {
        stageId: into.stageId,
        schoolId,
        categoryId,
        name: `${name} команда ${i}`,
        members: [{ name: 'Ерлан', grade: name.endsWith('3–4') ? 4 : 6 }],
      }).expect(201);
    const bracket = (await post(`/api/categories/${categoryId}/sumo/draw`, { seed: 5 }).expect(201))
      .body as SumoBracket;
    const matches = [
      ...bracket.tournament.groups.flatMap((group) => group.matches),
      ...bracket.tournament.bracket,
    ].flatMap((m) => (m.status === 'ready' && m.a && m.b ? [{ id: m.id, a: m.a, b: m.b }] : []));
    return { categoryId, matches };
  }

  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createRegionalStage(venue, organiser);
    other = await createRegionalStage(venue, organiser, { name: 'Екінші кезең' });
    const school = (
      await post('/api/schools', { name: 'Лицей №7', regionCode: 'aktobe' }).expect(201)
    ).body.id as string;
    const sumo = await drawn(stage, 'Сумо 3–4', school);
    published.id = sumo.categoryId;
    published.matches = sumo.matches;
    const hidden = await drawn(stage, 'Сумо 5–6', school);
    embargoed.id = hidden.categoryId;
    embargoed.matchId = hidden.matches[0].id;
    await request(venue.url)
      .patch(`/api/stages/${stage.stageId}`)
      .set(auth(organiser))
      .send({ status: 'live' })
      .expect(200);
    await post(`/api/categories/${published.id}/publish`).expect(200);

    ringId = (
      await post('/api/fields', {
        stageId: stage.stageId,
        name: 'Ринг 1',
        discipline: 'sumo',
      }).expect(201)
    ).body.id;
    const ringJudge = (
      await post('/api/judges', {
        stageId: stage.stageId,
        name: 'Ринг төрешісі',
        role: 'judge',
        categoryIds: [published.id, embargoed.id],
        fieldIds: [ringId],
      }).expect(201)
    ).body;
    judge = await judgeToken(venue, stage.stageCode, ringJudge.pin);
    const otherRing = (
      await post('/api/fields', {
        stageId: other.stageId,
        name: 'Ринг 1',
        discipline: 'sumo',
      }).expect(201)
    ).body.id;
    const stranger = (
      await post('/api/judges', {
        stageId: other.stageId,
        name: 'Басқа төреші',
        role: 'judge',
        categoryIds: [other.categories['Сумо 3–4']],
        fieldIds: [otherRing],
      }).expect(201)
    ).body;
    otherJudge = await judgeToken(venue, other.stageCode, stranger.pin);
  });

  afterAll(async () => {
    clients.forEach((client) => client.close());
    await venue?.stop();
  });

  it('sends the judge’s clock, stamped with the server’s time, to the stage’s public and staff rooms', async () => {
    const viewer = await connect();
    const staff = await connect(organiser);
    await joinStage(viewer);
    await joinStage(staff);
    const publicHeard = listen(viewer);
    const staffHeard = listen(staff);
    const match = published.matches[0];

    const before = Date.now();
    const answer = await report(judge, ringId, running(published.id, match.id)).expect(200);
    const after = Date.now();
    expect(answer.body).toMatchObject({
      fieldId: ringId,
      stageId: stage.stageId,
      state: 'running',
    });
    const stamped = Date.parse(answer.body.at);
    expect(stamped).toBeGreaterThanOrEqual(before);
    expect(stamped).toBeLessThanOrEqual(after);

    await until(() => publicHeard.length === 1 && staffHeard.length === 1);
    for (const heard of [publicHeard[0], staffHeard[0]])
      expect(heard).toMatchObject({
        stageId: stage.stageId,
        fieldId: ringId,
        categoryId: published.id,
        matchId: match.id,
        round: 1,
        state: 'running',
        elapsedMs: 0,
        startsInMs: 5_000,
        roundMs: ROUND_MS,
        at: answer.body.at,
      });

    await report(
      judge,
      ringId,
      running(published.id, match.id, { state: 'paused', elapsedMs: 12_340, startsInMs: 0 }),
    ).expect(200);
    await until(() => publicHeard.length === 2);
    expect(publicHeard[1]).toMatchObject({ state: 'paused', elapsedMs: 12_340 });

    // A screen that joins later is handed the ring's latest clock, with the server's now.
    const late = await connect();
    const joined = await joinStage(late);
    expect(joined.ok && joined.sumoClocks).toEqual([
      expect.objectContaining({ fieldId: ringId, state: 'paused', elapsedMs: 12_340 }),
    ]);
  });

  it('keeps an unpublished category’s clock with the staff, as its bracket is', async () => {
    const viewer = await connect();
    const staff = await connect(organiser);
    await joinStage(viewer);
    await joinStage(staff);
    const publicHeard = listen(viewer);
    const staffHeard = listen(staff);

    await report(judge, ringId, running(embargoed.id, embargoed.matchId)).expect(200);
    await until(() => staffHeard.length === 1);
    expect(staffHeard[0]).toMatchObject({ categoryId: embargoed.id });
    // The next clock of a published match is the first thing the public hears.
    await report(judge, ringId, running(published.id, published.matches[0].id)).expect(200);
    await until(() => publicHeard.length === 1 && staffHeard.length === 2);
    expect(publicHeard[0]).toMatchObject({ categoryId: published.id });

    const late = await connect();
    await report(judge, ringId, running(embargoed.id, embargoed.matchId)).expect(200);
    const joined = await joinStage(late);
    expect(joined.ok && joined.sumoClocks).toEqual([]);
  });

  it('refuses a judge of another stage, an unknown or decided match and a wrong round length, changing nothing', async () => {
    const [match, decided] = published.matches;
    await report(
      judge,
      ringId,
      running(published.id, match.id, { state: 'paused', elapsedMs: 1_000 }),
    ).expect(200);
    const viewer = await connect();
    await joinStage(viewer);
    const heard = listen(viewer);

    // The second match is decided on the ledger.
    await request(venue.url)
      .post('/api/ledger')
      .set(auth(judge))
      .send({
        id: randomUUID(),
        categoryId: published.id,
        teamId: null,
        kind: 'sumo.match',
        payload: {
          matchId: decided.id,
          a: decided.a,
          b: decided.b,
          events: [
            { type: 'point', side: 'a' },
            { type: 'point', side: 'a' },
          ],
        },
        recordedAt: new Date().toISOString(),
      })
      .expect(201);

    const stranger = await report(otherJudge, ringId, running(published.id, match.id)).expect(403);
    expect(stranger.body.message).toMatch(/another stage/);
    const unknown = await report(judge, ringId, running(published.id, 'W9-9')).expect(400);
    expect(unknown.body.message).toContain('matchId');
    const over = await report(judge, ringId, running(published.id, decided.id)).expect(409);
    expect(over.body.message).toContain(decided.id);
    const length = await report(
      judge,
      ringId,
      running(published.id, match.id, { roundMs: 60_000 }),
    ).expect(400);
    expect(length.body.message).toContain(`${ROUND_MS}`);
    await report(judge, ringId, { ...running(published.id, match.id), state: 'flying' }).expect(
      400,
    );
    const late = await connect();
    const joined = await joinStage(late);
    expect(joined.ok && joined.sumoClocks).toEqual([
      expect.objectContaining({ matchId: match.id, state: 'paused', elapsedMs: 1_000 }),
    ]);

    // Nothing was sent for the refusals: the next clock the room hears is the next accepted one.
    await report(
      judge,
      ringId,
      running(published.id, match.id, { elapsedMs: 1_000, startsInMs: 0 }),
    ).expect(200);
    await until(() => heard.length === 1);
    expect(heard[0]).toMatchObject({ matchId: match.id, state: 'running', elapsedMs: 1_000 });
  });
});
