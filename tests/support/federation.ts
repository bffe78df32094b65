import { createPrivateKey, sign } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { binaryBody } from './binary-body';
import { startVenue, type Venue } from './start-venue';
import { eventually } from './field-fixture';
import { judgeToken, mazeAttempt, organiserToken } from './venue-api';

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

/** A venue that sends its outbox every 200 ms, so a test waits for a sync no longer than that. */
export const FAST_SYNC = { FEDERATION_TICK_MS: '200' };

export interface LinkedServersOptions {
  /**
   * How the venue is linked to the regional stage: `code` (a link code; its outbox reaches the
   * republic), `unreachable` (a link file naming an address where nothing listens, so only files
   * reach the republic) or `none` (the test links it).
   */
  link?: 'code' | 'unreachable' | 'none';
  /** With linking: teams to register at the venue (prepareVenueStage), its stage then live. */
  teams?: number;
  venueEnv?: Record<string, string>;
  republicEnv?: Record<string, string>;
  /** The regional stage's code on the republic. */
  stageCode?: string;
}

export interface LinkedServers {
  republic: Venue;
  venue: Venue;
  republicToken: string;
  venueToken: string;
  linked: LinkedStage;
  /** Stops both servers as they were started. */
  stop(): Promise<void>;
}

/** The venue's teams and judge, and the judge's tablet signed in. */
export type PreparedStage = Awaited<ReturnType<typeof prepareVenueStage>> & { tablet: string };

/**
 * A republic server with a regional stage and a venue server, each with an organiser signed in;
 * the venue linked to the stage unless `link` says otherwise (docs/federation.md, "Linking").
 */
export async function startLinkedServers(
  options: LinkedServersOptions & { teams: number },
): Promise<LinkedServers & { prepared: PreparedStage }>;
export async function startLinkedServers(options?: LinkedServersOptions): Promise<LinkedServers>;
export async function startLinkedServers(
  options: LinkedServersOptions = {},
): Promise<LinkedServers & { prepared?: PreparedStage }> {
  const [republic, venue] = await Promise.all([
    startVenue({ env: options.republicEnv }),
    startVenue({ env: options.venueEnv }),
  ]);
  const stop = async () => {
    await Promise.all([venue.stop(), republic.stop()]);
  };
  try {
    const [republicToken, venueToken] = await Promise.all([
      organiserToken(republic),
      organiserToken(venue),
    ]);
    const linked = await createRegionalStageOnRepublic(republic, republicToken, options.stageCode);
    const link = options.link ?? 'code';
    if (link === 'code')
      await linkVenue(
        venue,
        venueToken,
        await issueLinkCode(republic, republicToken, linked.stageId),
      );
    if (link === 'unreachable')
      await linkVenue(
        venue,
        venueToken,
        await unreachableLinkFile(republic, republicToken, linked),
      );
    let prepared: PreparedStage | undefined;
    if (link !== 'none' && options.teams !== undefined) {
      const { teamIds, judge } = await prepareVenueStage(venue, venueToken, linked, options.teams);
      prepared = { teamIds, judge, tablet: await judgeToken(venue, linked.stageCode, judge.pin) };
    }
    return { republic, venue, republicToken, venueToken, linked, prepared, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The stage's link file as the republic writes it when asked by an address where nothing listens. */
async function unreachableLinkFile(republic: Venue, token: string, linked: LinkedStage) {
  const file = await request(republic.url)
    .get(`/api/stages/${linked.stageId}/link-file`)
    .set('Host', '127.0.0.1:9')
    .set(auth(token))
    .buffer(true)
    .parse(binaryBody)
    .expect(200);
  return (file.body as Buffer).toString('utf8');
}

/** The republic's row of the stage's venue in its venues list (GET /api/federation/venues). */
export async function venueRowOf(republic: Venue, token: string, stageId: string) {
  const response = await request(republic.url)
    .get('/api/federation/venues')
    .set(auth(token))
    .expect(200);
  return (response.body as { stageId: string; [field: string]: unknown }[]).find(
    (row) => row.stageId === stageId,
  );
}

/** The venue's link to the republic as its strip shows it (GET /api/federation/link). */
export async function linkStatusAt(venue: Venue, token: string) {
  const response = await request(venue.url)
    .get('/api/federation/link')
    .set(auth(token))
    .expect(200);
  return response.body[0] as {
    stageId: string;
    state: string;
    pendingEntries: number;
    pendingChanges: boolean;
    lastError: string | null;
    [field: string]: unknown;
  };
}

/** A judge's tablet at the venue records a maze attempt (`null`: not finished); returns the entry. */
export async function recordAttempt(
  venue: Venue,
  tablet: string,
  linked: Pick<LinkedStage, 'categoryId'>,
  teamId: string,
  attempt: number,
  timeMs: number | null,
) {
  const entry = mazeAttempt(linked, teamId, attempt, timeMs);
  await request(venue.url).post('/api/ledger').set(auth(tablet)).send(entry).expect(201);
  return entry;
}

/** Each team's first attempt, the first team fastest (40 s, 41 s, ...); returns the entries. */
export async function recordFirstAttempts(
  venue: Venue,
  tablet: string,
  linked: LinkedStage,
  teamIds: string[],
) {
  const entries = [];
  for (const [index, teamId] of teamIds.entries())
    entries.push(await recordAttempt(venue, tablet, linked, teamId, 1, 40_000 + index * 1_000));
  return entries;
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

/** The category's ledger entries on a server, as the staff API lists them. */
export async function ledgerOf(server: Venue, token: string, categoryId: string) {
  const response = await request(server.url)
    .get(`/api/categories/${categoryId}/ledger`)
    .set(auth(token))
    .expect(200);
  return response.body as {
    id: string;
    payload: Record<string, unknown>;
    [field: string]: unknown;
  }[];
}

export async function ledgerCount(
  server: Venue,
  token: string,
  categoryId: string,
): Promise<number> {
  return (await ledgerOf(server, token, categoryId)).length;
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
  return bundleContent(bytes);
}

/** A bundle file's JSON, read without checking its signature. */
export function bundleContent(bytes: Buffer): BundleContent {
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

/** What a batch says of itself beside the stage's rows (docs/federation.md, "Store and forward"). */
export interface BatchHeader {
  snapshotNo?: number;
  snapshot?: boolean;
  highWaterSeq?: number;
  claimSecret?: unknown;
}

/**
 * A batch of the venue's stage as its outbox would send it, made here and signed with its key:
 * each group carries what `items` gives it of the rows the venue holds.
 */
export function signedBatch(
  venue: Venue,
  whole: BundleContent,
  items: (kind: string, rows: Record<string, unknown>[]) => Record<string, unknown>[],
  header: BatchHeader = {},
): Buffer {
  return signedWithVenueKey(venue, {
    ...whole,
    createdAt: new Date().toISOString(),
    highWaterSeq: header.highWaterSeq ?? 0,
    snapshotNo: header.snapshotNo ?? 0,
    snapshot: header.snapshot ?? false,
    complete: false,
    pendingAfter: 0,
    claimSecret: header.claimSecret ?? null,
    groups: whole.groups.map((group) => ({
      kind: group.kind,
      items: items(group.kind, group.items),
    })),
  });
}

/** Posts a batch to the republic as the venue's outbox does; the caller expects the answer. */
export function postBatch(republic: Venue, stageId: string, batch: Buffer) {
  return request(republic.url)
    .post(`/api/federation/stages/${stageId}/batches`)
    .set('Content-Type', 'application/octet-stream')
    .send(batch);
}
