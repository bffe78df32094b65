import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import request from 'supertest';
import { SmallDisk, smallDiskRequired, smallDiskUnavailable } from '../soak/small-disk';
import { startVenue, type Venue } from '../support/start-venue';
import { liveMazeStage } from '../support/live-maze-stage';
import { mazeAttempt, type StageFixture } from '../support/venue-api';

// The server's data folder on a small tmpfs that a ballast file fills
// (docs/reliability.md#a-full-disk): a clear refusal, nothing half-written, recovery once space returns.
const unavailable = smallDiskUnavailable();
// Skipped without root outside CI, with the reason in its name (as the network-namespace tests).
const describeWithSmallDisk = unavailable && !smallDiskRequired ? describe.skip : describe;

describeWithSmallDisk(
  `a full disk under the venue server${unavailable ? ` (${unavailable})` : ''}`,
  () => {
    let disk: SmallDisk;
    let venue: Venue;
    let auth: { Authorization: string };
    let judge: { Authorization: string };
    let stage: StageFixture;
    let teamIds: string[];

    const attempt = (teamId: string, n: number) => mazeAttempt(stage, teamId, n, 40_000 + n);
    const ledger = async () =>
      (
        await request(venue.url)
          .get(`/api/categories/${stage.categoryId}/ledger`)
          .set(auth)
          .expect(200)
      ).body as Array<{ id: string }>;

    beforeAll(async () => {
      disk = SmallDisk.mount(64);
      venue = await startVenue({ dataDir: disk.dir });
      ({ stage, organiser: auth, judge } = await liveMazeStage(venue, 2));
      teamIds = stage.teamIds;
    });
    afterAll(async () => {
      await venue?.stop();
      disk?.remove();
    });

    it('refuses writes with a 503 that says the disk is full, keeps the database whole, and takes the same entries once space returns', async () => {
      const before = attempt(teamIds[0], 1);
      await request(venue.url).post('/api/ledger').set(judge).send(before).expect(201);

      disk.fill();
      const refused = [attempt(teamIds[0], 2), attempt(teamIds[1], 1)];
      for (const entry of refused) {
        const answer = await request(venue.url).post('/api/ledger').set(judge).send(entry);
        expect({ status: answer.status, key: answer.body.key }).toEqual({
          status: 503,
          key: 'errors.storageFull',
        });
        expect(answer.body.message).toMatch(/disk is full/);
      }
      // Reads still answer, and show nothing of the refused writes.
      expect((await ledger()).map((row) => row.id)).toEqual([before.id]);

      disk.free();
      // The tablet's outbox sends the same entries again (a 5xx is kept and retried).
      for (const entry of refused)
        await request(venue.url).post('/api/ledger').set(judge).send(entry).expect(201);
      expect((await ledger()).map((row) => row.id).sort()).toEqual(
        [before.id, ...refused.map((entry) => entry.id)].sort(),
      );
      const verify = (
        await request(venue.url)
          .get(`/api/categories/${stage.categoryId}/standings/verify`)
          .set(auth)
          .expect(200)
      ).body;
      expect(verify.matches).toBe(true);

      await venue.stop();
      const integrity = execFileSync(
        'sqlite3',
        [path.join(disk.dir, 'olympiad.sqlite'), 'PRAGMA integrity_check;'],
        { encoding: 'utf8' },
      );
      expect(integrity.trim()).toBe('ok');
      expect(venue.output()).not.toMatch(/ERROR \[ApiError\]/);
      expect(venue.output()).toMatch(/WARN \[ApiError\] The server's disk is full/);
    });
  },
);
