import type {
  AuditEntry,
  ClientToServerEvents,
  DoubleEntrySlot,
  JoinResult,
  ServerToClientEvents,
  StandingsSnapshot,
} from '@olympiad/contracts';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { binaryBody } from '../support/binary-body';
import { auditRows, onEachDatabase } from '../support/audit-record';
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

/**
 * Double entry (docs/rules.md#double-entry) against the real server: two judges enter each attempt
 * blind; agreement counts once, a difference waits for the head judge's decision, the same judge
 * cannot be both, a judge reads nothing of the other's entry, and entries arriving late, twice or
 * in the other order pair the same way.
 */
const DOUBLE_CHECKED = 'Двойной ввод: каждый результат внесли и сверили два судьи';

onEachDatabase('double entry on %s', (_database, venueEnv) => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;
  let judgeA: string;
  let judgeB: string;
  let headJudge: string;
  /** Judge B's live category room: what it hears while A's entry is blind. */
  let roomOfB: Socket<ServerToClientEvents, ClientToServerEvents>;
  const heardByB: string[] = [];

  const as = (token: string) => ({
    get: (path: string) => request(venue.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) =>
      request(venue.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
  });
  const standings = async () =>
    (
      (await as(organiser).get(`/api/categories/${stage.categoryId}/standings`).expect(200))
        .body as StandingsSnapshot
    ).standings.rows;
  const rowOf = async (teamId: string) => (await standings()).find((row) => row.teamId === teamId);
  const publicRowOf = async (teamId: string) =>
    (
      (
        await request(venue.url)
          .get(`/api/public/categories/${stage.categoryId}/standings`)
          .expect(200)
      ).body as StandingsSnapshot
    ).standings.rows.find((row) => row.teamId === teamId);
  /** A team's Status in the category's CSV export (made while the category is open). */
  const exportedStatusOf = (teamId: string) =>
    exportedStatus(
      venue,
      organiser,
      stage.categoryId,
      `Қыран ${stage.teamIds.indexOf(teamId) + 1}`,
    );
  const protocolText = async () => {
    const pdf = await as(organiser)
      .get(`/api/categories/${stage.categoryId}/protocol.pdf`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-'));
    fs.writeFileSync(path.join(dir, 'protocol.pdf'), pdf.body as Buffer);
    return execFileSync('pdftotext', ['-layout', path.join(dir, 'protocol.pdf'), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
  };
  const slots = async () =>
    (await as(headJudge).get(`/api/categories/${stage.categoryId}/double-entries`).expect(200))
      .body as DoubleEntrySlot[];
  const verify = async () =>
    expect(
      (await as(organiser).get(`/api/categories/${stage.categoryId}/standings/verify`).expect(200))
        .body.matches,
    ).toBe(true);

  beforeAll(async () => {
    venue = await startVenue({ env: await venueEnv() });
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 4 });
    await request(venue.url)
      .patch(`/api/categories/${stage.categoryId}/params`)
      .set('Authorization', `Bearer ${organiser}`)
      .send({ params: { entry: 'double' } })
      .expect(200);
    const second = (
      await as(organiser)
        .post('/api/judges', {
          stageId: stage.stageId,
          name: 'Берік',
          role: 'judge',
          categoryIds: [stage.categoryId],
        })
        .expect(201)
    ).body;
    judgeA = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    judgeB = await judgeToken(venue, stage.stageCode, second.pin);
    headJudge = await judgeToken(venue, stage.stageCode, stage.headJudge.pin);
    await publishLive(venue, organiser, stage);
    roomOfB = io(venue.url, {
      transports: ['websocket'],
      auth: { token: judgeB },
      reconnection: false,
    });
    await new Promise<void>((done, fail) => {
      roomOfB.once('connect', () => done());
      roomOfB.once('connect_error', fail);
    });
    const joined = await new Promise<JoinResult>((done) =>
      roomOfB.emit('join', { kind: 'category', id: stage.categoryId }, done),
    );
    expect(joined.ok).toBe(true);
    roomOfB.on('standings:delta', (delta) => heardByB.push(JSON.stringify(delta)));
  });
  afterAll(async () => {
    roomOfB?.close();
    await venue?.stop();
  });

  it('keeps the first entry blind: the standing awaits the second judge, who reads none of its values', async () => {
    const [team] = stage.teamIds;
    const first = mazeAttempt(stage, team, 1, 61_230, { touches: 1 });
    await as(judgeA).post('/api/ledger', first).expect(201);

    expect(await rowOf(team)).toMatchObject({ status: 'not-scored', review: 'awaiting-second' });
    expect(await publicRowOf(team)).toMatchObject({ review: 'awaiting-second' });
    const seenByB = JSON.stringify(
      (await as(judgeB).get(`/api/categories/${stage.categoryId}/ledger`).expect(200)).body,
    );
    expect(seenByB).not.toContain('61230');
    expect(seenByB).not.toContain(first.id);
    expect(JSON.stringify(await standings())).not.toContain('61230');
    // The live room hears that the row changed, and nothing of the entry's values.
    for (let i = 0; i < 100 && !heardByB.some((d) => d.includes('awaiting-second')); i++) {
      await new Promise((done) => setTimeout(done, 50));
    }
    expect(heardByB.some((delta) => delta.includes('awaiting-second'))).toBe(true);
    expect(heardByB.join('')).not.toContain('61230');
    // Both entries are the head judge's to read, never a judge's.
    await as(judgeB).get(`/api/categories/${stage.categoryId}/double-entries`).expect(403);
    // An export or a protocol made now says the attempt awaits, and shows none of its values.
    expect(await exportedStatusOf(team)).toBe('Екінші енгізуді күтуде / Ждёт второго ввода');
    const protocol = await protocolText();
    expect(protocol).toContain('Екінші енгізуді күтуде');
    expect(protocol).toContain('Ждёт второго ввода');
    expect(protocol).not.toContain(DOUBLE_CHECKED);
    expect(protocol).not.toMatch(/1:[01]1\.2/);
    // Nothing hands out places meanwhile: no diplomas, no awards ceremony.
    const diplomas = await as(organiser)
      .get(`/api/categories/${stage.categoryId}/diplomas.pdf`)
      .expect(409);
    expect(diplomas.body.key).toBe('results.doubleEntryPending');
    const awards = await as(organiser)
      .post(`/api/categories/${stage.categoryId}/awards/start`, { podium: 3 })
      .expect(409);
    expect(awards.body.key).toBe('results.doubleEntryPending');
  });

  it('refuses the same judge as the second entry, with a clear 409', async () => {
    const [team] = stage.teamIds;
    const again = await as(judgeA)
      .post('/api/ledger', mazeAttempt(stage, team, 1, 61_230, { touches: 1 }))
      .expect(409);
    expect(again.body.key).toBe('ledger.doubleEntrySameJudge');
    expect((await rowOf(team))?.review).toBe('awaiting-second');
  });

  it('counts agreeing entries once', async () => {
    const [team, other] = stage.teamIds;
    const second = mazeAttempt(stage, team, 1, 61_230, { touches: 1 });
    // Same values, keys in another order: agreement is on the normalised payload.
    const reordered = {
      ...second,
      payload: Object.fromEntries(Object.entries(second.payload).reverse()),
    };
    await as(judgeB).post('/api/ledger', reordered).expect(201);

    const row = await rowOf(team);
    expect(row).toMatchObject({ status: 'ranked', place: 1, primary: 71_230 });
    expect(row?.review).toBeUndefined();
    expect((row?.detail['attempts'] as unknown[]).length).toBe(1);
    expect((await rowOf(other))?.review).toBeUndefined();
    const counted = (
      (await as(organiser).get(`/api/categories/${stage.categoryId}/ledger`).expect(200)).body as {
        kind: string;
        teamId: string;
      }[]
    ).filter((entry) => entry.kind === 'maze.attempt' && entry.teamId === team);
    expect(counted).toHaveLength(1);
    await verify();
  });

  it('puts differing entries in review until the head judge decides, with a reason, on the audit record', async () => {
    const team = stage.teamIds[1];
    await as(judgeA)
      .post('/api/ledger', mazeAttempt(stage, team, 1, 70_000))
      .expect(201);
    await as(judgeB)
      .post('/api/ledger', mazeAttempt(stage, team, 1, 71_000))
      .expect(201);
    expect(await rowOf(team)).toMatchObject({ status: 'not-scored', review: 'in-review' });
    expect(await publicRowOf(team)).toMatchObject({ review: 'in-review' });
    expect(await exportedStatusOf(team)).toBe('Тексерілуде / На проверке');
    expect(await protocolText()).toContain('Тексерілуде');
    await as(organiser).get(`/api/categories/${stage.categoryId}/diplomas.pdf`).expect(409);

    const slot = (await slots()).find((candidate) => candidate.teamId === team) as DoubleEntrySlot;
    expect(slot.state).toBe('in-review');
    expect(slot.entries.map((entry) => entry.payload['timeMs']).sort()).toEqual([70_000, 71_000]);
    expect(slot.entries.map((entry) => entry.author.name).sort()).toEqual(['Асқар', 'Берік']);

    const decision = {
      ...mazeAttempt(stage, team, 1, 70_500),
      supersedes: slot.headEntryId,
      reason: 'Видео: 70,5 с',
    };
    expect((await as(judgeB).post('/api/ledger', decision).expect(403)).body.key).toBe(
      'ledger.doubleEntryDecision',
    );
    await as(headJudge)
      .post('/api/ledger', { ...decision, reason: ' ' })
      .expect(400);
    await as(headJudge)
      .post('/api/ledger', { ...decision, payload: { ...decision.payload, attempt: 2 } })
      .expect(400);
    await as(headJudge).post('/api/ledger', decision).expect(201);

    const row = await rowOf(team);
    expect(row).toMatchObject({ status: 'ranked', primary: 70_500 });
    expect(row?.review).toBeUndefined();
    expect(await exportedStatusOf(team)).toBe('');
    // Settled, the places may be handed out.
    await as(organiser).get(`/api/categories/${stage.categoryId}/diplomas.pdf`).expect(200);
    expect((await slots()).find((candidate) => candidate.teamId === team)?.state).toBe('settled');
    await verify();

    const audit = await auditRows(venue, organiser, {
      stageId: stage.stageId,
      objectId: stage.categoryId,
    });
    const decided = audit.find((entry: AuditEntry) => entry.action === 'double.decide');
    expect(decided?.before).toMatchObject({ slot: slot.slot });
    expect(JSON.stringify(decided?.before)).toContain('71000');
    expect(decided?.after).toMatchObject({ reason: 'Видео: 70,5 с', payload: { timeMs: 70_500 } });
    expect(audit.filter((entry) => entry.action === 'double.enter').length).toBeGreaterThanOrEqual(
      4,
    );
  });

  it('pairs entries arriving late, twice and in either order the same way', async () => {
    const team = stage.teamIds[2];
    const fromB = mazeAttempt(stage, team, 1, 80_000);
    const fromA = mazeAttempt(stage, team, 1, 80_000);
    // The second judge's tablet was back online first, and sends its queue twice.
    await as(judgeB).post('/api/ledger', fromB).expect(201);
    await as(judgeB).post('/api/ledger', fromB).expect(200);
    expect((await rowOf(team))?.review).toBe('awaiting-second');
    await as(judgeA).post('/api/ledger', fromA).expect(201);
    const resent = await as(judgeA).post('/api/ledger', fromA).expect(200);
    expect(resent.body.duplicate).toBe(true);
    await as(judgeB).post('/api/ledger', fromB).expect(200);
    // An entry id reused for other content is still refused.
    await as(judgeA)
      .post('/api/ledger', { ...fromA, payload: { ...fromA.payload, timeMs: 80_001 } })
      .expect(409);

    expect(await rowOf(team)).toMatchObject({ status: 'ranked', primary: 80_000 });
    expect((await rowOf(team))?.review).toBeUndefined();
    const counted = (
      (await as(organiser).get(`/api/categories/${stage.categoryId}/ledger`).expect(200)).body as {
        kind: string;
        teamId: string;
      }[]
    ).filter((entry) => entry.kind === 'maze.attempt' && entry.teamId === team);
    expect(counted).toHaveLength(1);
    await verify();
  });

  it('says on the protocol that the results were double-checked', async () => {
    const text = await protocolText();
    expect(text).toContain(DOUBLE_CHECKED);
  });

  it('lets the head judge enter an attempt on their own: it counts at once', async () => {
    const team = stage.teamIds[3];
    await as(headJudge)
      .post('/api/ledger', mazeAttempt(stage, team, 1, 90_000))
      .expect(201);
    expect(await rowOf(team)).toMatchObject({ status: 'ranked', primary: 90_000 });
  });

  it('takes a blind entry sent again as a duplicate even when its id was reused in another stage’s ledger', async () => {
    const team = stage.teamIds[1];
    const fromA = mazeAttempt(stage, team, 2, 75_000);
    await as(judgeA).post('/api/ledger', fromA).expect(201);
    // A tablet elsewhere reused the id for a single-entry category of another stage.
    const other = await createMazeStage(venue, organiser, { teams: 2, code: 'DREUSE' });
    await as(organiser)
      .post('/api/ledger', { ...mazeAttempt(other, other.teamIds[0], 1, 60_000), id: fromA.id })
      .expect(201);
    // Judge A's outbox had not heard its 201: the resend is a duplicate, not a refusal it would
    // hand to the head judge over and over.
    const resent = await as(judgeA).post('/api/ledger', fromA).expect(200);
    expect(resent.body.duplicate).toBe(true);
    expect((await rowOf(team))?.review).toBe('awaiting-second');
    await as(judgeB)
      .post('/api/ledger', mazeAttempt(stage, team, 2, 75_000))
      .expect(201);
    expect((await rowOf(team))?.review).toBeUndefined();
  });

  it('takes a blind entry sent again after the category was locked as the duplicate it is', async () => {
    const team = stage.teamIds[0];
    const fromA = mazeAttempt(stage, team, 2, 70_000);
    await as(judgeA).post('/api/ledger', fromA).expect(201);
    await as(judgeB)
      .post('/api/ledger', mazeAttempt(stage, team, 2, 70_000))
      .expect(201);
    await as(headJudge).post(`/api/categories/${stage.categoryId}/lock`, {}).expect(200);
    try {
      // The tablet's outbox had not heard its 201: the resend must not come back as a refusal.
      const resent = await as(judgeA).post('/api/ledger', fromA).expect(200);
      expect(resent.body.duplicate).toBe(true);
      const fresh = await as(judgeA)
        .post('/api/ledger', mazeAttempt(stage, team, 3, 71_000))
        .expect(409);
      expect(fresh.body.key).toBe('ledger.categoryLocked');
    } finally {
      await as(headJudge).post(`/api/categories/${stage.categoryId}/unlock`, {}).expect(200);
    }
  });
});
