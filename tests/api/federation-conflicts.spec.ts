import { createPrivateKey, sign } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { binaryBody } from '../support/binary-body';
import {
  createRegionalStageOnRepublic,
  issueLinkCode,
  ledgerCount,
  linkVenue,
  prepareVenueStage,
  waitForSameStandings,
  type LinkedStage,
} from '../support/federation';
import { eventually } from '../support/field-fixture';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken, mazeAttempt, organiserToken } from '../support/venue-api';

interface Bundle {
  stageId: string;
  venuePublicKey: string;
  groups: { kind: string; items: Record<string, unknown>[] }[];
}

const MAGIC = Buffer.from('OLYMPIAD-BUNDLE\n', 'ascii');
const HEADER = MAGIC.length + 1 + 32;

/** The JSON of a bundle file, read as docs/federation.md describes it ("Bytes on disk"). */
function unpack(bytes: Buffer): Bundle {
  return JSON.parse(gunzipSync(bytes.subarray(HEADER, bytes.length - 64)).toString('utf8'));
}

/**
 * A batch as docs/federation.md describes the file, made and signed here with the venue's own key
 * (read from its data folder): what a venue that changed an entry after sending it would send.
 */
function signedBatch(content: Bundle, keyFile: string): Buffer {
  const body = Buffer.concat([
    MAGIC,
    Buffer.from([2]),
    Buffer.from(content.venuePublicKey, 'base64url'),
    gzipSync(JSON.stringify(content)),
  ]);
  return Buffer.concat([body, sign(null, body, createPrivateKey(fs.readFileSync(keyFile)))]);
}

/**
 * docs/federation.md, "Idempotency: no overwrite, ever": an entry id arriving again with other
 * content never replaces what the republic holds; it is kept aside and listed, once.
 */
describe('a conflicting ledger entry from a venue', () => {
  let republic: Venue;
  let venue: Venue;
  let republicToken: string;
  let venueToken: string;
  let linked: LinkedStage;
  let entryId: string;
  let teamIds: string[];
  let judge: { id: string; pin: string };

  beforeAll(async () => {
    [republic, venue] = await Promise.all([
      startVenue(),
      startVenue({ env: { FEDERATION_TICK_MS: '200' } }),
    ]);
    [republicToken, venueToken] = await Promise.all([
      organiserToken(republic),
      organiserToken(venue),
    ]);
    linked = await createRegionalStageOnRepublic(republic, republicToken);
    await linkVenue(
      venue,
      venueToken,
      await issueLinkCode(republic, republicToken, linked.stageId),
    );
    ({ teamIds, judge } = await prepareVenueStage(venue, venueToken, linked, 2));
    const entry = mazeAttempt(linked, teamIds[0], 1, 41_500);
    await request(venue.url)
      .post('/api/ledger')
      .set('Authorization', `Bearer ${await judgeToken(venue, linked.stageCode, judge.pin)}`)
      .send(entry)
      .expect(201);
    entryId = entry.id;
    await waitForSameStandings(venue, venueToken, republic, republicToken, linked.categoryId);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([venue?.stop(), republic?.stop()]);
  });

  it('is kept aside, not applied, and listed once with what is stored and what arrived', async () => {
    const asRepublic = { Authorization: `Bearer ${republicToken}` };
    const storedEntries = async () =>
      (
        await request(republic.url)
          .get(`/api/categories/${linked.categoryId}/ledger`)
          .set(asRepublic)
          .expect(200)
      ).body as { id: string; payload: Record<string, unknown> }[];
    const before = await storedEntries();
    const standingsBefore = (
      await request(republic.url)
        .get(`/api/categories/${linked.categoryId}/standings`)
        .set(asRepublic)
        .expect(200)
    ).body.standings;

    // The venue's own stage as it sent it, with the entry changed after it was sent.
    const whole = unpack(
      (
        await request(venue.url)
          .get(`/api/stages/${linked.stageId}/bundle`)
          .set('Authorization', `Bearer ${venueToken}`)
          .buffer(true)
          .parse(binaryBody)
          .expect(200)
      ).body,
    );
    const ledger = whole.groups.find((group) => group.kind === 'ledger')!.items;
    const original = ledger.find((item) => item.id === entryId)!;
    const changed = { ...original, payload: { ...(original.payload as object), timeMs: 12_345 } };
    const batch = signedBatch(
      {
        ...whole,
        createdAt: new Date().toISOString(),
        highWaterSeq: original.seq as number,
        snapshotNo: 0,
        snapshot: false,
        complete: false,
        pendingAfter: 0,
        claimSecret: null,
        groups: whole.groups.map((group) => ({
          kind: group.kind,
          items: group.kind === 'stage' ? group.items : group.kind === 'ledger' ? [changed] : [],
        })),
      } as Bundle,
      path.join(venue.dataDir, 'venue-key.pem'),
    );
    const send = () =>
      request(republic.url)
        .post(`/api/federation/stages/${linked.stageId}/batches`)
        .set('Content-Type', 'application/octet-stream')
        .send(batch)
        .expect(200);

    expect((await send()).body).toMatchObject({ applied: 0, duplicates: 0, conflicts: 1 });
    expect(await storedEntries()).toEqual(before);
    expect(before.find((entry) => entry.id === entryId)?.payload.timeMs).toBe(41_500);

    const listed = async () =>
      (
        await request(republic.url)
          .get(`/api/federation/conflicts?stageId=${linked.stageId}`)
          .set(asRepublic)
          .expect(200)
      ).body;
    const conflicts = await listed();
    expect(conflicts).toEqual([
      expect.objectContaining({
        stageId: linked.stageId,
        itemKind: 'ledger',
        itemId: entryId,
        reason: 'different-content',
        via: 'online',
        stored: expect.objectContaining({ id: entryId, payload: original.payload }),
        arriving: expect.objectContaining({ id: entryId, payload: changed.payload }),
      }),
    ]);

    // The same conflicting version again: still refused, still listed once.
    expect((await send()).body).toMatchObject({ applied: 0, conflicts: 1 });
    expect(await listed()).toEqual(conflicts);
    expect(await ledgerCount(republic, republicToken, linked.categoryId)).toBe(1);
    const venues = (
      await request(republic.url).get('/api/federation/venues').set(asRepublic).expect(200)
    ).body as { stageId: string; conflicts: number }[];
    expect(venues.find((row) => row.stageId === linked.stageId)?.conflicts).toBe(1);
    expect(
      (
        await request(republic.url)
          .get(`/api/categories/${linked.categoryId}/standings`)
          .set(asRepublic)
          .expect(200)
      ).body.standings,
    ).toEqual(standingsBefore);
  });

  it('is counted for the venue organiser too, as the republic reports it with the next batch', async () => {
    await request(venue.url)
      .post('/api/ledger')
      .set('Authorization', `Bearer ${await judgeToken(venue, linked.stageCode, judge.pin)}`)
      .send(mazeAttempt(linked, teamIds[1], 1, 39_000))
      .expect(201);
    await eventually(async () => {
      const [status] = (
        await request(venue.url)
          .get('/api/federation/link')
          .set('Authorization', `Bearer ${venueToken}`)
          .expect(200)
      ).body as { conflicts: number; pendingEntries: number }[];
      expect(status).toMatchObject({ conflicts: 1, pendingEntries: 0 });
    }, 15_000);
  });
});
