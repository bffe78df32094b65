import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { binaryBody } from '../support/binary-body';
import { auditRows, onEachDatabase } from '../support/audit-record';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  mazeAttempt,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';

/**
 * Protests (docs/rules.md#protests) against the real server: recorded by the stage's head judge,
 * upheld through a ledger correction linked to the protest, rejected with nothing else changed,
 * refused after the window, decided once, and a category with an open protest cannot be locked.
 */
onEachDatabase('protests on %s', (_database, venueEnv) => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;
  let judge: string;
  let headJudge: string;

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const standings = async (categoryId = stage.categoryId) =>
    (
      await request(venue.url)
        .get(`/api/categories/${categoryId}/standings`)
        .set(as(organiser))
        .expect(200)
    ).body as {
      version: number;
      standings: { rows: { teamId: string; place: number | null; primary: number | null }[] };
    };
  const placeOf = (snapshot: Awaited<ReturnType<typeof standings>>, teamId: string) =>
    snapshot.standings.rows.find((row) => row.teamId === teamId)?.place;
  const ledgerOf = async (categoryId = stage.categoryId) =>
    (
      await request(venue.url)
        .get(`/api/categories/${categoryId}/ledger`)
        .set(as(organiser))
        .expect(200)
    ).body as {
      id: string;
      supersedes: string | null;
      reason: string | null;
    }[];
  const recordProtest = (token: string, body: Record<string, unknown>) =>
    request(venue.url)
      .post('/api/protests')
      .set(as(token))
      .send({
        categoryId: stage.categoryId,
        protestedBy: 'Ерлан Сәрсенов, тренер',
        reason: 'Робот қабырғаға тиген жоқ — the touch was wrongly counted',
        ...body,
      });
  const decide = (token: string, id: string, body: Record<string, unknown>) =>
    request(venue.url).post(`/api/protests/${id}/decide`).set(as(token)).send(body);
  /** A protest against a team's ranking, recorded by the stage's head judge. */
  const rankingProtest = async (teamId: string, body: Record<string, unknown> = {}) =>
    (await recordProtest(headJudge, { teamId, target: { kind: 'ranking' }, ...body }).expect(201))
      .body;
  const protestsOf = async (token: string, categoryId = stage.categoryId) =>
    (
      await request(venue.url)
        .get(`/api/categories/${categoryId}/protests`)
        .set(as(token))
        .expect(200)
    ).body;
  const lockStep = (step: 'lock' | 'unlock') =>
    request(venue.url).post(`/api/categories/${stage.categoryId}/${step}`).set(as(headJudge));

  beforeAll(async () => {
    venue = await startVenue({ env: await venueEnv() });
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 2 });
    judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    headJudge = await judgeToken(venue, stage.stageCode, stage.headJudge.pin);
  });
  afterAll(() => venue?.stop());

  it('an upheld protest changes the standing through a ledger correction linked to it', async () => {
    const [first, second] = stage.teamIds;
    const protested = mazeAttempt(stage, first, 1, 30_000);
    await request(venue.url).post('/api/ledger').set(as(judge)).send(protested).expect(201);
    await request(venue.url)
      .post('/api/ledger')
      .set(as(judge))
      .send(mazeAttempt(stage, second, 1, 40_000))
      .expect(201);
    expect(placeOf(await standings(), first)).toBe(1);

    const protest = (
      await recordProtest(headJudge, {
        teamId: second,
        target: { kind: 'entry', entryId: protested.id },
      }).expect(201)
    ).body;
    expect(protest).toMatchObject({
      status: 'open',
      teamId: second,
      target: { kind: 'entry', entryId: protested.id },
      protestedBy: 'Ерлан Сәрсенов, тренер',
      recordedBy: { id: stage.headJudge.id },
      decision: null,
    });
    const open = (
      await request(venue.url)
        .get(`/api/stages/${stage.stageId}/protests`)
        .set(as(organiser))
        .expect(200)
    ).body;
    expect(open.open).toBe(1);
    expect(open.openByCategory).toEqual([{ categoryId: stage.categoryId, open: 1 }]);

    const correction = {
      ...mazeAttempt(stage, first, 1, 30_000, { touches: 3 }),
      supersedes: protested.id,
      reason: 'Видео: робот үш рет тиген',
    };
    const decided = (
      await decide(headJudge, protest.id, {
        decision: 'upheld',
        reason: 'The video shows three touches',
        correction,
      }).expect(200)
    ).body;
    expect(decided).toMatchObject({
      status: 'upheld',
      decision: {
        by: { id: stage.headJudge.id },
        reason: 'The video shows three touches',
        correctionEntryId: correction.id,
      },
    });

    // 30 s + 3 touches × 10 s = 60 s: the protesting team is now first.
    const after = await standings();
    expect(placeOf(after, second)).toBe(1);
    expect(placeOf(after, first)).toBe(2);
    const stored = (await ledgerOf()).find((entry) => entry.id === correction.id);
    expect(stored).toMatchObject({ supersedes: protested.id, reason: 'Видео: робот үш рет тиген' });
    const verified = (
      await request(venue.url)
        .get(`/api/categories/${stage.categoryId}/standings/verify`)
        .set(as(organiser))
        .expect(200)
    ).body;
    expect(verified.live).toEqual(verified.rebuilt);

    const [recorded] = await auditRows(venue, organiser, {
      action: 'protest.record',
      objectId: protest.id,
    });
    expect(recorded).toMatchObject({
      stageId: stage.stageId,
      object: { kind: 'protest', id: protest.id },
    });
    const decisions = await auditRows(venue, organiser, {
      action: 'protest.decide',
      objectId: protest.id,
    });
    expect(decisions).toHaveLength(1);
    expect(decisions[0].after).toMatchObject({
      status: 'upheld',
      correctionEntryId: correction.id,
    });
  });

  it('an upheld protest corrects only the protested entry (or its latest correction), never another team', async () => {
    const [first, second] = stage.teamIds;
    const protested = mazeAttempt(stage, first, 2, 35_000);
    const other = mazeAttempt(stage, second, 2, 45_000);
    for (const entry of [protested, other]) {
      await request(venue.url).post('/api/ledger').set(as(judge)).send(entry).expect(201);
    }
    const protest = (
      await recordProtest(headJudge, {
        teamId: second,
        target: { kind: 'entry', entryId: protested.id },
      }).expect(201)
    ).body;
    const before = await standings();
    const ledgerBefore = await ledgerOf();

    const elsewhere = {
      ...mazeAttempt(stage, second, 2, 99_000),
      supersedes: other.id,
      reason: 'Wrong entry named',
    };
    const refused = (
      await decide(headJudge, protest.id, {
        decision: 'upheld',
        reason: 'Upheld',
        correction: elsewhere,
      }).expect(400)
    ).body;
    expect(refused.issues).toEqual([
      expect.objectContaining({
        path: 'correction.supersedes',
        key: 'protests.correctionOtherObject',
      }),
    ]);
    expect(await ledgerOf()).toEqual(ledgerBefore);
    expect((await standings()).version).toBe(before.version);
    expect(
      (await protestsOf(headJudge)).protests.find((p: { id: string }) => p.id === protest.id)
        .status,
    ).toBe('open');

    // The head judge corrected the protested entry meanwhile: the protest corrects that correction.
    const meanwhile = {
      ...mazeAttempt(stage, first, 2, 36_000),
      supersedes: protested.id,
      reason: 'Stopwatch re-read',
    };
    await request(venue.url).post('/api/ledger').set(as(headJudge)).send(meanwhile).expect(201);
    const correction = {
      ...mazeAttempt(stage, first, 2, 36_000, { touches: 2 }),
      supersedes: meanwhile.id,
      reason: 'Видео: екі рет тиген',
    };
    await decide(headJudge, protest.id, {
      decision: 'upheld',
      reason: 'Two touches on the video',
      correction,
    }).expect(200);
    expect((await ledgerOf()).find((row) => row.id === correction.id)).toMatchObject({
      supersedes: meanwhile.id,
    });
  });

  it("an upheld protest against the ranking corrects only the protesting team's own entries", async () => {
    const [first, second] = stage.teamIds;
    const protest = await rankingProtest(first);
    const ledgerBefore = await ledgerOf();
    const [ofSecond] = ledgerBefore.filter(
      (row) => (row as { teamId?: string }).teamId === second && row.supersedes === null,
    );
    const refused = (
      await decide(headJudge, protest.id, {
        decision: 'upheld',
        reason: 'Upheld',
        correction: {
          ...mazeAttempt(stage, second, 1, 99_000),
          supersedes: ofSecond.id,
          reason: "Another team's time",
        },
      }).expect(400)
    ).body;
    expect(refused.key).toBe('errors.validation');
    expect(refused.issues[0].key).toBe('protests.correctionOtherObject');
    expect(await ledgerOf()).toEqual(ledgerBefore);
    await decide(headJudge, protest.id, { decision: 'rejected', reason: 'Tidy up' }).expect(200);
  });

  it('a rejected protest changes nothing but the protest, and needs a reason', async () => {
    const [first, second] = stage.teamIds;
    const protest = await rankingProtest(first);
    const before = await standings();
    const ledgerBefore = await ledgerOf();

    await decide(headJudge, protest.id, { decision: 'rejected', reason: '' }).expect(400);
    const rejected = (
      await decide(headJudge, protest.id, {
        decision: 'rejected',
        reason: 'No rule was broken',
      }).expect(200)
    ).body;
    expect(rejected).toMatchObject({
      status: 'rejected',
      decision: { reason: 'No rule was broken', correctionEntryId: null },
    });
    const after = await standings();
    expect(after.version).toBe(before.version);
    expect(placeOf(after, second)).toBe(placeOf(before, second));
    expect(await ledgerOf()).toEqual(ledgerBefore);
  });

  it('a decided protest cannot be decided again', async () => {
    const protest = await rankingProtest(stage.teamIds[0]);
    await decide(headJudge, protest.id, {
      decision: 'rejected',
      reason: 'Filed twice by mistake',
    }).expect(200);
    const again = await decide(organiser, protest.id, {
      decision: 'rejected',
      reason: 'Once more',
    }).expect(409);
    expect(again.body.key).toBe('protests.alreadyDecided');
    const ledgerBefore = await ledgerOf();
    const [entry] = ledgerBefore.filter((e) => e.supersedes === null);
    const upheldLate = await decide(headJudge, protest.id, {
      decision: 'upheld',
      reason: 'Changed my mind',
      correction: {
        ...mazeAttempt(stage, stage.teamIds[0], 1, 10_000),
        supersedes: entry.id,
        reason: 'late',
      },
    }).expect(409);
    expect(upheldLate.body.key).toBe('protests.alreadyDecided');
    expect(await ledgerOf()).toEqual(ledgerBefore);
    expect(
      await auditRows(venue, organiser, { action: 'protest.decide', objectId: protest.id }),
    ).toHaveLength(1);
  });

  it('a category with an open protest cannot be locked; the refusal names the protest', async () => {
    const protest = await rankingProtest(stage.teamIds[1]);
    const refused = await lockStep('lock').expect(409);
    expect(refused.body.key).toBe('categories.openProtests');
    expect(refused.body.message).toContain(protest.id);
    const category = (
      await request(venue.url)
        .get(`/api/categories/${stage.categoryId}`)
        .set(as(organiser))
        .expect(200)
    ).body;
    expect(category.status).not.toBe('locked');
    expect(
      await auditRows(venue, organiser, { action: 'category.lock', objectId: stage.categoryId }),
    ).toHaveLength(0);

    await decide(headJudge, protest.id, {
      decision: 'rejected',
      reason: 'Decided before the lock',
    }).expect(200);
    await lockStep('lock').expect(200);
    await lockStep('unlock').expect(200);
  });

  it('a locked category takes no protest, and a protest filed while locking never ends up open on a locked category', async () => {
    await lockStep('lock').expect(200);
    const before = await protestsOf(organiser);
    const refused = (
      await recordProtest(headJudge, {
        teamId: stage.teamIds[0],
        target: { kind: 'ranking' },
      }).expect(409)
    ).body;
    expect(refused.key).toBe('protests.categoryLocked');
    expect(refused.message).toContain('locked');
    expect((await protestsOf(organiser)).protests).toEqual(before.protests);
    await lockStep('unlock').expect(200);

    // Filing and locking at the same moment: one of them waits for the other.
    const [filed, lockedNow] = await Promise.all([
      recordProtest(headJudge, { teamId: stage.teamIds[0], target: { kind: 'ranking' } }),
      lockStep('lock'),
    ]);
    expect([filed.status, lockedNow.status].sort()).not.toEqual([200, 201]);
    if (lockedNow.status === 200) await lockStep('unlock').expect(200);
    if (filed.status === 201) {
      await decide(headJudge, filed.body.id, { decision: 'rejected', reason: 'Tidy up' }).expect(
        200,
      );
    }
  });

  it('a late protest is refused with the window in the reason, and nothing is stored', async () => {
    const other = await createMazeStage(venue, organiser, { teams: 1 });
    await request(venue.url)
      .patch(`/api/categories/${other.categoryId}/params`)
      .set(as(organiser))
      .send({ params: { protestWindowMinutes: 0 } })
      .expect(200);
    const published = (
      await request(venue.url)
        .post(`/api/categories/${other.categoryId}/publish`)
        .set(as(organiser))
        .expect(200)
    ).body as { publishedAt: string };
    // The window is zero minutes: any instant after publication is late.
    while (Date.now() <= Date.parse(published.publishedAt))
      await new Promise((resolve) => setImmediate(resolve));
    const lateHeadJudge = await judgeToken(venue, other.stageCode, other.headJudge.pin);
    const refused = await recordProtest(lateHeadJudge, {
      categoryId: other.categoryId,
      teamId: other.teamIds[0],
      target: { kind: 'ranking' },
      protestedBy: 'Айгүл Нұрланқызы',
      reason: 'Too late, but still',
    }).expect(409);
    expect(refused.body.key).toBe('protests.windowClosed');
    expect(refused.body.message).toContain('0 minutes after the results were published');
    const list = await protestsOf(organiser, other.categoryId);
    expect(list).toMatchObject({ protests: [], open: 0, accepting: false, windowMinutes: 0 });

    // Pulled back from publication, the results take protests again.
    await request(venue.url)
      .post(`/api/categories/${other.categoryId}/unpublish`)
      .set(as(organiser))
      .expect(200);
    await recordProtest(lateHeadJudge, {
      categoryId: other.categoryId,
      teamId: other.teamIds[0],
      target: { kind: 'ranking' },
      protestedBy: 'Айгүл',
      reason: 'Now in time',
    }).expect(201);
  });

  it('refuses a judge of another stage, and a field judge, on every protest route', async () => {
    const protest = await rankingProtest(stage.teamIds[0]);
    const elsewhere = await createMazeStage(venue, organiser, { teams: 1 });
    const foreign = await judgeToken(venue, elsewhere.stageCode, elsewhere.headJudge.pin);
    for (const token of [foreign, judge]) {
      await recordProtest(token, { teamId: stage.teamIds[0], target: { kind: 'ranking' } }).expect(
        403,
      );
      await decide(token, protest.id, {
        decision: 'rejected',
        reason: 'Not mine to decide',
      }).expect(403);
      await request(venue.url)
        .get(`/api/stages/${stage.stageId}/protests`)
        .set(as(token))
        .expect(403);
      await request(venue.url)
        .get(`/api/categories/${stage.categoryId}/protests`)
        .set(as(token))
        .expect(403);
    }
    const still = await protestsOf(headJudge);
    expect(still.protests.find((p: { id: string }) => p.id === protest.id).status).toBe('open');
    await decide(headJudge, protest.id, { decision: 'rejected', reason: 'Tidy up' }).expect(200);
  });

  it('keeps a photo with the protest, refuses a file that is not one, and serves it to the stage only', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    await recordProtest(headJudge, {
      teamId: stage.teamIds[0],
      target: { kind: 'ranking' },
      attachments: [
        { data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64') },
      ],
    }).expect(400);
    const protest = await rankingProtest(stage.teamIds[0], {
      attachments: [{ data: png.toString('base64') }],
    });
    expect(protest.attachments).toEqual([
      { id: expect.any(String), contentType: 'image/png', bytes: png.length },
    ]);
    const photo = await request(venue.url)
      .get(`/api/protests/${protest.id}/attachments/${protest.attachments[0].id}`)
      .set(as(headJudge))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(photo.body as Buffer, png)).toBe(0);
    const elsewhere = await createMazeStage(venue, organiser, { teams: 1 });
    const foreign = await judgeToken(venue, elsewhere.stageCode, elsewhere.headJudge.pin);
    await request(venue.url)
      .get(`/api/protests/${protest.id}/attachments/${protest.attachments[0].id}`)
      .set(as(foreign))
      .expect(403);
    await decide(headJudge, protest.id, { decision: 'rejected', reason: 'Tidy up' }).expect(200);
  });

  it('refuses an upheld decision whose correction the ledger refuses, and leaves the protest open', async () => {
    const protest = await rankingProtest(stage.teamIds[0]);
    const invalidCorrection = { ...mazeAttempt(stage, stage.teamIds[0], 1, -5), reason: 'bad' };
    await decide(headJudge, protest.id, {
      decision: 'upheld',
      reason: 'Upheld',
      correction: invalidCorrection,
    }).expect(400);
    const list = await protestsOf(headJudge);
    expect(list.protests.find((p: { id: string }) => p.id === protest.id).status).toBe('open');
    expect((await ledgerOf()).some((entry) => entry.id === invalidCorrection.id)).toBe(false);
    await decide(headJudge, protest.id, { decision: 'rejected', reason: 'Tidy up' }).expect(200);
  });

  it('the protocol lists every protest and its decision, in Kazakh and Russian letters', async () => {
    const response = await request(venue.url)
      .get(`/api/categories/${stage.categoryId}/protocol.pdf`)
      .set(as(organiser))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-'));
    fs.writeFileSync(path.join(dir, 'protocol.pdf'), response.body as Buffer);
    const artifacts = path.join(__dirname, '..', 'artifacts', 'documents');
    fs.mkdirSync(artifacts, { recursive: true });
    fs.copyFileSync(path.join(dir, 'protocol.pdf'), path.join(artifacts, 'protocol-protests.pdf'));
    const text = execFileSync('pdftotext', [path.join(dir, 'protocol.pdf'), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    expect(text).toContain('Наразылықтар / Протесты');
    expect(text).toContain('Робот қабырғаға тиген жоқ — the touch was wrongly counted');
    expect(text).toContain('Ерлан Сәрсенов, тренер');
    expect(text).toContain('қанағаттандырылды / удовлетворён: The video shows three touches');
    expect(text).toContain('қабылданбады / отклонён: No rule was broken');
  });
});
