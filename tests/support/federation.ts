import { createPrivateKey, sign } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { binaryBody } from './binary-body';
import type { Venue } from './start-venue';
import { eventually } from './field-fixture';

/**
 * Two servers as the olympiad runs them (docs/federation.md): the republic server defines a
 * regional stage with a maze category (its template); the venue links to it with the code.
 */
export interface LinkedStage {
  stageId: string;
  stageCode: string;
  categoryId: string;
  olympiadId: string;
}

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** On the republic server: an olympiad, a regional stage and its template maze category. */
export async function createRegionalStageOnRepublic(
  republic: Venue,
  token: string,
  code = 'AKT-R',
): Promise<LinkedStage> {
  const api = (path: string, body: object) =>
    request(republic.url).post(path).set(auth(token)).send(body);
  const olympiad = (
    await api('/api/olympiads', { name: 'Republic olympiad 2026', season: '2026' }).expect(201)
  ).body;
  const stage = (
    await api('/api/stages', {
      olympiadId: olympiad.id,
      kind: 'regional',
      regionCode: 'aktobe',
      name: 'Aktobe regional stage',
      startsOn: '2026-12-05',
      endsOn: '2026-12-06',
      code,
    }).expect(201)
  ).body;
  await request(republic.url)
    .patch(`/api/stages/${stage.id}`)
    .set(auth(token))
    .send({ status: 'live' })
    .expect(200);
  const category = (
    await api('/api/categories', {
      stageId: stage.id,
      discipline: 'maze',
      ageGroup: { label: '3–4', minGrade: 3, maxGrade: 4 },
      name: 'Maze 3–4',
      preset: 'maze-default',
    }).expect(201)
  ).body;
  return {
    stageId: stage.id,
    stageCode: stage.code,
    categoryId: category.id,
    olympiadId: olympiad.id,
  };
}

export async function issueLinkCode(
  republic: Venue,
  token: string,
  stageId: string,
): Promise<string> {
  const response = await request(republic.url)
    .post(`/api/stages/${stageId}/link-code`)
    .set(auth(token))
    .expect(201);
  return response.body.code as string;
}

/** The venue pastes the code; the republic records its key and the venue gets the stage. */
export async function linkVenue(venue: Venue, token: string, code: string) {
  return (
    await request(venue.url)
      .post('/api/federation/link')
      .set(auth(token))
      .send({ code })
      .expect(201)
  ).body;
}

/** At the venue: a school, teams and a judge for the pulled category, the stage live and published. */
export async function prepareVenueStage(
  venue: Venue,
  token: string,
  linked: LinkedStage,
  teams: number,
) {
  const api = (path: string, body: object) =>
    request(venue.url).post(path).set(auth(token)).send(body);
  const school = (
    await api('/api/schools', { name: 'Ақтөбе №21 мектебі', regionCode: 'aktobe' }).expect(201)
  ).body;
  const teamIds: string[] = [];
  for (let i = 0; i < teams; i++) {
    const team = (
      await api('/api/teams', {
        stageId: linked.stageId,
        schoolId: school.id,
        categoryId: linked.categoryId,
        name: `Қыран ${i + 1}`,
        members: [{ name: `Әлихан ${i + 1}`, grade: 4 }],
      }).expect(201)
    ).body;
    teamIds.push(team.id);
  }
  const judge = (
    await api('/api/judges', {
      stageId: linked.stageId,
      name: 'Асқар',
      role: 'judge',
      categoryIds: [linked.categoryId],
    }).expect(201)
  ).body;
  await request(venue.url)
    .patch(`/api/stages/${linked.stageId}`)
    .set(auth(token))
    .send({ status: 'live' })
    .expect(200);
  return { teamIds, judge: { id: judge.id as string, pin: judge.pin as string } };
}

/** The category's staff standings on a server, as comparable rows. */
export async function standingsOf(server: Venue, token: string, categoryId: string) {
  const response = await request(server.url)
    .get(`/api/categories/${categoryId}/standings`)
    .set(auth(token))
    .expect(200);
  // The version counts each server's own recomputations; everything else must be the same.
  const { standings, teams, published } = response.body;
  return { standings, teams, published };
}

export async function ledgerCount(
  server: Venue,
  token: string,
  categoryId: string,
): Promise<number> {
  const response = await request(server.url)
    .get(`/api/categories/${categoryId}/ledger`)
    .set(auth(token))
    .expect(200);
  return (response.body as unknown[]).length;
}

/** Waits until the republic's standings of the category equal the venue's. */
export async function waitForSameStandings(
  venue: Venue,
  venueToken: string,
  republic: Venue,
  republicToken: string,
  categoryId: string,
  timeoutMs = 30_000,
) {
  await eventually(async () => {
    expect(await standingsOf(republic, republicToken, categoryId)).toEqual(
      await standingsOf(venue, venueToken, categoryId),
    );
  }, timeoutMs);
}

export interface BundleContent {
  stageId: string;
  venuePublicKey: string;
  groups: { kind: string; items: Record<string, unknown>[] }[];
  [field: string]: unknown;
}

const BUNDLE_MAGIC = Buffer.from('OLYMPIAD-BUNDLE\n', 'ascii');
const BUNDLE_HEADER = BUNDLE_MAGIC.length + 1 + 32;

/** The venue's whole stage as its bundle file's JSON (docs/federation.md, "Bytes on disk"). */
export async function venueBundleContent(
  venue: Venue,
  token: string,
  stageId: string,
): Promise<BundleContent> {
  const bytes: Buffer = (
    await request(venue.url)
      .get(`/api/stages/${stageId}/bundle`)
      .set(auth(token))
      .buffer(true)
      .parse(binaryBody)
      .expect(200)
  ).body;
  return JSON.parse(
    gunzipSync(bytes.subarray(BUNDLE_HEADER, bytes.length - 64)).toString('utf8'),
  ) as BundleContent;
}

/**
 * A batch signed here with the venue's own key, read from its data folder: what that venue (or
 * anyone holding its key) can send to the republic server.
 */
export function signedWithVenueKey(venue: Venue, content: BundleContent): Buffer {
  const body = Buffer.concat([
    BUNDLE_MAGIC,
    Buffer.from([2]),
    Buffer.from(content.venuePublicKey, 'base64url'),
    gzipSync(JSON.stringify(content)),
  ]);
  const key = createPrivateKey(fs.readFileSync(path.join(venue.dataDir, 'venue-key.pem')));
  return Buffer.concat([body, sign(null, body, key)]);
}
