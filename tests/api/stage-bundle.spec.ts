import { createPublicKey, verify } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import { addMazeField } from '../support/field-fixture';
import { describeOnPostgres, freshPostgresDatabase } from '../support/fresh-postgres';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  mazeAttempt,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';
import { binaryBody } from '../support/binary-body';

interface Bundle {
  format: string;
  version: number;
  stageId: string;
  venuePublicKey: string;
  createdAt: string;
  highWaterSeq: number;
  groups: { kind: string; items: Record<string, unknown>[] }[];
}

/**
 * Reads a bundle as docs/federation.md describes the file, independently of the server's code:
 * magic line, version byte, 32-byte Ed25519 public key, gzip of the JSON, 64-byte signature of all
 * that precedes it.
 */
function readBundle(bytes: Buffer, publicKey: string): Bundle {
  const magic = Buffer.from('OLYMPIAD-BUNDLE\n');
  expect(bytes.subarray(0, magic.length).equals(magic)).toBe(true);
  expect(bytes[magic.length]).toBe(2);
  const header = magic.length + 1 + 32;
  expect(bytes.subarray(magic.length + 1, header).toString('base64url')).toBe(publicKey);
  const body = bytes.subarray(0, bytes.length - 64);
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
  expect(verify(null, body, key, bytes.subarray(bytes.length - 64))).toBe(true);
  return JSON.parse(gunzipSync(body.subarray(header)).toString('utf8')) as Bundle;
}

/** Every object key anywhere in a JSON value. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => keysOf(item, into));
  else if (value && typeof value === 'object') {
    for (const [key, member] of Object.entries(value)) {
      into.add(key);
      keysOf(member, into);
    }
  }
  return into;
}

describe('a stage as a signed bundle file', () => {
  let venue: Venue;
  let token: string;
  let stage: StageFixture;
  let deviceSecret: string;
  const entryIds: string[] = [];
  const auth = () => ({ Authorization: `Bearer ${token}` });
  const download = () =>
    request(venue.url)
      .get(`/api/stages/${stage.stageId}/bundle`)
      .set(auth())
      .buffer(true)
      .parse(binaryBody)
      .expect(200);

  beforeAll(async () => {
    venue = await startVenue();
    token = await organiserToken(venue);
    stage = await createMazeStage(venue, token, { teams: 3 });
    deviceSecret = (await addMazeField(venue, token, stage, 'bundle-gates-1')).secret;
    await request(venue.url)
      .patch(`/api/stages/${stage.stageId}`)
      .set(auth())
      .send({ status: 'live' })
      .expect(200);
    const judge = {
      Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, stage.judge.pin)}`,
    };
    for (const [i, teamId] of stage.teamIds.entries()) {
      const entry = mazeAttempt(stage, teamId, 1, 45_000 + i * 1_000);
      await request(venue.url).post('/api/ledger').set(judge).send(entry).expect(201);
      entryIds.push(entry.id);
    }
    const correction = {
      ...mazeAttempt(stage, stage.teamIds[0], 1, 44_500),
      supersedes: entryIds[0],
      reason: 'Секундомер кеш басылды',
    };
    await request(venue.url).post('/api/ledger').set(judge).send(correction).expect(201);
    entryIds.push(correction.id);
    await request(venue.url)
      .post(`/api/categories/${stage.categoryId}/lock`)
      .set(auth())
      .expect(200);
  });
  afterAll(() => venue.stop());

  it('downloads as a named file that the venue key published to organisers verifies', async () => {
    const { publicKey } = (
      await request(venue.url).get('/api/federation/venue-key').set(auth()).expect(200)
    ).body;
    expect(publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const response = await download();
    expect(response.headers['content-type']).toContain('application/octet-stream');
    expect(response.headers['content-disposition']).toMatch(
      new RegExp(`filename="${stage.stageCode}-\\d{8}-\\d{4}\\.olympiad-bundle"`),
    );

    const bundle = readBundle(response.body, publicKey);
    expect(bundle).toMatchObject({
      format: 'olympiad-stage-bundle',
      version: 2,
      snapshot: true,
      complete: true,
      stageId: stage.stageId,
      venuePublicKey: publicKey,
    });
    expect(bundle.groups.map((group) => group.kind)).toEqual([
      'stage',
      'category',
      'school',
      'team',
      'judge',
      'ledger',
      'qualification',
    ]);
    const [stageGroup, categories, schools, teams, judges, ledger] = bundle.groups;
    expect(stageGroup.items).toEqual([
      expect.objectContaining({
        id: stage.stageId,
        code: stage.stageCode,
        status: 'live',
        kind: 'regional',
      }),
    ]);
    expect(categories.items).toEqual([
      expect.objectContaining({
        id: stage.categoryId,
        status: 'locked',
        published: false,
        ruleSet: expect.objectContaining({ discipline: 'maze' }),
      }),
    ]);
    expect(schools.items).toHaveLength(1);
    expect(teams.items.map((team) => team.id).sort()).toEqual([...stage.teamIds].sort());
    expect(
      teams.items.every(
        (team) => team.schoolId === schools.items[0].id && team.categoryId === stage.categoryId,
      ),
    ).toBe(true);
    expect(judges.items.map((judge) => judge.name).sort()).toEqual(['Асқар', 'Гүлнар']);

    // Every ledger entry, in the order the venue accepted them, the correction naming what it replaces.
    expect(ledger.items.map((entry) => entry.id)).toEqual(entryIds);
    const seqs = ledger.items.map((entry) => entry.seq as number);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(bundle.highWaterSeq).toBe(seqs.at(-1));
    expect(ledger.items[3]).toMatchObject({
      supersedes: entryIds[0],
      reason: 'Секундомер кеш басылды',
      teamId: stage.teamIds[0],
    });
  });

  it('carries no PIN, PIN digest, device or other secret', async () => {
    const { publicKey } = (
      await request(venue.url).get('/api/federation/venue-key').set(auth()).expect(200)
    ).body;
    const bundle = readBundle((await download()).body, publicKey);
    const keys = keysOf(bundle);
    for (const secretField of [
      'pin',
      'pinHash',
      'pinLookup',
      'secret',
      'secretHash',
      'mosquittoHash',
      'privateKey',
    ]) {
      expect(keys.has(secretField)).toBe(false);
    }
    const text = JSON.stringify(bundle);
    expect(text).not.toContain(`"${stage.judge.pin}"`);
    expect(text).not.toContain(`"${stage.headJudge.pin}"`);
    expect(text).not.toContain(deviceSecret);
    expect(text).not.toContain('scrypt');
    expect(text).not.toContain('PRIVATE KEY');
  });

  it('keeps the private key in the data folder, readable by its owner only', async () => {
    const answer = await request(venue.url)
      .get('/api/federation/venue-key')
      .set(auth())
      .expect(200);
    expect(Object.keys(answer.body).sort()).toEqual(['algorithm', 'publicKey']);
    const file = path.join(venue.dataDir, 'venue-key.pem');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(createPublicKey(fs.readFileSync(file)).export({ format: 'jwk' }).x).toBe(
      answer.body.publicKey,
    );
  });

  it('gives the same items when downloaded twice', async () => {
    const { publicKey } = (
      await request(venue.url).get('/api/federation/venue-key').set(auth()).expect(200)
    ).body;
    const first = readBundle((await download()).body, publicKey);
    const second = readBundle((await download()).body, publicKey);
    expect(second.groups).toEqual(first.groups);
    expect(second.highWaterSeq).toBe(first.highWaterSeq);
  });

  it('is for the organiser only: a judge and a head judge get 403, no token 401', async () => {
    for (const pin of [stage.judge.pin, stage.headJudge.pin]) {
      const judge = { Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, pin)}` };
      const refused = await request(venue.url)
        .get(`/api/stages/${stage.stageId}/bundle`)
        .set(judge)
        .expect(403);
      expect(refused.body.key).toBe('errors.forbidden');
      await request(venue.url).get('/api/federation/venue-key').set(judge).expect(403);
    }
    await request(venue.url).get(`/api/stages/${stage.stageId}/bundle`).expect(401);
  });

  it('answers 404 for an unknown stage and 400 for an id that is not one', async () => {
    const unknown = await request(venue.url)
      .get('/api/stages/00000000-0000-4000-8000-000000000000/bundle')
      .set(auth())
      .expect(404);
    expect(unknown.body.key).toBe('errors.notFound');
    await request(venue.url).get('/api/stages/not-a-stage/bundle').set(auth()).expect(400);
  });

  it('carries the sumo draw as the ledger entry it is, after the category and teams it draws', async () => {
    const post = (url: string, body: object) =>
      request(venue.url).post(url).set(auth()).send(body).expect(201);
    const sumo = (
      await post('/api/categories', {
        stageId: stage.stageId,
        discipline: 'sumo',
        ageGroup: { label: '3–4', minGrade: 3, maxGrade: 4 },
        name: 'Сумо 3–4',
        preset: 'sumo-default',
      })
    ).body.id as string;
    const { schoolId } = (
      await request(venue.url).get(`/api/stages/${stage.stageId}/teams`).set(auth()).expect(200)
    ).body[0];
    const sumoTeams: string[] = [];
    for (const name of ['Барыс', 'Бүркіт']) {
      sumoTeams.push(
        (
          await post('/api/teams', {
            stageId: stage.stageId,
            schoolId,
            categoryId: sumo,
            name,
            members: [{ name: `${name} Әлиев`, grade: 3 }],
          })
        ).body.id,
      );
    }
    await post(`/api/categories/${sumo}/sumo/draw`, { seed: 7 });

    const { publicKey } = (
      await request(venue.url).get('/api/federation/venue-key').set(auth()).expect(200)
    ).body;
    const bundle = readBundle((await download()).body, publicKey);
    expect(bundle.groups[1].items.map((category) => category.id)).toContain(sumo);
    expect(bundle.groups[3].items.map((team) => team.id)).toEqual(
      expect.arrayContaining(sumoTeams),
    );
    const draw = bundle.groups[5].items.at(-1);
    expect(draw).toMatchObject({ kind: 'sumo.draw', categoryId: sumo, seq: bundle.highWaterSeq });
    expect(bundle.groups[5].items.map((entry) => entry.id).slice(0, entryIds.length)).toEqual(
      entryIds,
    );
  });

  // Last: it closes the stage.
  it('carries the qualification decisions made from the stage once it is closed', async () => {
    const republicId = (
      await request(venue.url)
        .post('/api/stages')
        .set(auth())
        .send({
          olympiadId: stage.olympiadId,
          kind: 'republic',
          name: 'Республикалық кезең',
          startsOn: '2027-03-20',
          endsOn: '2027-03-21',
        })
        .expect(201)
    ).body.id as string;
    await request(venue.url)
      .patch(`/api/stages/${stage.stageId}`)
      .set(auth())
      .send({ status: 'closed' })
      .expect(200);
    await request(venue.url)
      .post(`/api/stages/${stage.stageId}/qualification/enter`)
      .set(auth())
      .send({ targetStageId: republicId })
      .expect(200);
    const entered = (
      await request(venue.url)
        .get(`/api/stages/${republicId}/qualification/entries`)
        .set(auth())
        .expect(200)
    ).body as unknown[];
    expect(entered.length).toBeGreaterThan(0);

    const { publicKey } = (
      await request(venue.url).get('/api/federation/venue-key').set(auth()).expect(200)
    ).body;
    const bundle = readBundle((await download()).body, publicKey);
    expect(bundle.groups[0].items[0]).toMatchObject({ status: 'closed' });
    const decisions = bundle.groups[6].items;
    expect(decisions).toHaveLength(entered.length);
    for (const decision of decisions) {
      expect(stage.teamIds).toContain(decision.sourceTeamId);
      expect(decision).toMatchObject({ targetStageId: republicId, reason: 'top-n' });
    }
  });
});

describeOnPostgres('a stage as a signed bundle file, on PostgreSQL', () => {
  it('holds every ledger entry in seq order with the same types as on SQLite', async () => {
    const venue = await startVenue({ env: { DATABASE_URL: await freshPostgresDatabase() } });
    try {
      const token = await organiserToken(venue);
      const auth = { Authorization: `Bearer ${token}` };
      const stage = await createMazeStage(venue, token, { teams: 2 });
      const judge = {
        Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, stage.judge.pin)}`,
      };
      const entries = [
        mazeAttempt(stage, stage.teamIds[0], 1, 50_000),
        mazeAttempt(stage, stage.teamIds[1], 1, null),
      ];
      for (const entry of entries)
        await request(venue.url).post('/api/ledger').set(judge).send(entry).expect(201);

      const { publicKey } = (
        await request(venue.url).get('/api/federation/venue-key').set(auth).expect(200)
      ).body;
      const response = await request(venue.url)
        .get(`/api/stages/${stage.stageId}/bundle`)
        .set(auth)
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      const bundle = readBundle(response.body, publicKey);
      const ledger = bundle.groups[5].items;
      expect(ledger.map((entry) => entry.id)).toEqual(entries.map((entry) => entry.id));
      expect(
        ledger.every(
          (entry) => typeof entry.seq === 'number' && entry.awaitsConfirmation === false,
        ),
      ).toBe(true);
      expect(bundle.highWaterSeq).toBe(ledger[1].seq);
      expect(bundle.groups[3].items.map((team) => team.id).sort()).toEqual(
        [...stage.teamIds].sort(),
      );
    } finally {
      await venue.stop();
    }
  });
});
