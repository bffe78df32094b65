import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { auditRows, onEachDatabase } from '../support/audit-record';
import { createRegionalStage, type RegionalStage } from '../support/regional-stage';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken, mazeAttempt, organiserToken } from '../support/venue-api';

const CSV = fs.readFileSync(
  path.join(__dirname, '..', 'fixtures', 'registration', 'good-teams-utf8-bom.csv'),
);
/** A real (tiny) PNG: 1×1, one red pixel. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108020000009077' +
    '53de0000000c4944415408d763f8cfc000000301010018dd8db40000000049454e44ae426082',
  'hex',
);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * An import commit (file name, hash, rows), the awards ceremony (start, each place revealed, end),
 * the olympiad's logo (set, removed) and each qualifier entered into the republic stage leave
 * exactly one row each on the audit record (docs/audit.md).
 */
onEachDatabase(
  'the audit record of imports, awards, logos and qualification on %s',
  (_database, venueEnv) => {
    let venue: Venue;
    let organiser: string;
    let stage: RegionalStage;
    const auth = () => ({ Authorization: `Bearer ${organiser}` });
    const post = (url: string, body: object = {}) =>
      request(venue.url).post(url).set(auth()).send(body);

    beforeAll(async () => {
      venue = await startVenue({ env: await venueEnv() });
      organiser = await organiserToken(venue);
      stage = await createRegionalStage(venue, organiser);
    });
    afterAll(() => venue?.stop());

    it('records an import commit once, with the file’s name, SHA-256 and rows; a refused commit leaves none', async () => {
      const preview = await request(venue.url)
        .post(`/api/stages/${stage.stageId}/registration/preview`)
        .set(auth())
        .attach('file', CSV, 'teams.csv')
        .expect(200);
      const fileHash = preview.body.fileHash as string;
      // Not the previewed file: refused before writing anything.
      await request(venue.url)
        .post(`/api/stages/${stage.stageId}/registration/confirm`)
        .set(auth())
        .attach('file', Buffer.concat([CSV, Buffer.from('\n')]), 'teams.csv')
        .field('fileHash', fileHash)
        .expect(409);
      await request(venue.url)
        .post(`/api/stages/${stage.stageId}/registration/confirm`)
        .set(auth())
        .attach('file', CSV, 'teams.csv')
        .field('fileHash', fileHash)
        .expect(201);

      const rows = await auditRows(venue, organiser, {
        action: 'registration.commit',
        stageId: stage.stageId,
      });
      expect(rows).toHaveLength(1);
      expect(fileHash).toBe(sha256(CSV));
      expect(rows[0]).toMatchObject({
        actor: { kind: 'organiser' },
        object: { kind: 'registration', id: fileHash, name: 'teams.csv' },
        before: null,
        after: {
          fileName: 'teams.csv',
          fileHash,
          rows: preview.body.summary.rows,
          teamsCreated: 5,
          schoolsCreated: 3,
          skippedRows: 0,
        },
      });
    });

    it('records the awards ceremony: its start, each place revealed and its end', async () => {
      const maze = stage.categories['Лабиринт 3–4'];
      await request(venue.url)
        .patch(`/api/stages/${stage.stageId}`)
        .set(auth())
        .send({ status: 'live' })
        .expect(200);
      const teams = (
        (
          await request(venue.url)
            .get(`/api/stages/${stage.stageId}/teams?categoryId=${maze}`)
            .set(auth())
            .expect(200)
        ).body as { id: string }[]
      ).map((team) => team.id);
      const judge = (
        await post('/api/judges', {
          stageId: stage.stageId,
          name: 'Асқар',
          role: 'judge',
          categoryIds: [maze],
        }).expect(201)
      ).body;
      const judgeAuth = {
        Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, judge.pin)}`,
      };
      for (const [index, team] of teams.entries()) {
        await request(venue.url)
          .post('/api/ledger')
          .set(judgeAuth)
          .send(mazeAttempt({ categoryId: maze }, team, 1, 40_000 + index * 1000))
          .expect(201);
      }
      await post(`/api/categories/${maze}/awards/start`, { podium: 3 }).expect(200);
      await post(`/api/categories/${maze}/awards/reveal`).expect(200);
      await post(`/api/categories/${maze}/awards/end`).expect(200);

      const history = await auditRows(venue, organiser, { objectId: maze });
      expect(
        history
          .filter((row) => row.action.startsWith('awards.'))
          .map((row) => [row.action, row.before, row.after]),
      ).toEqual([
        [
          'awards.end',
          { podium: 3, revealedCount: 1, active: true },
          { podium: 3, revealedCount: 1, active: false },
        ],
        [
          'awards.reveal',
          { podium: 3, revealedCount: 0, active: true },
          { podium: 3, revealedCount: 1, active: true },
        ],
        ['awards.start', null, { podium: 3, revealedCount: 0, active: true }],
      ]);
    });

    it('records the logo set and removed by type, size and SHA-256, never the image', async () => {
      await post(`/api/olympiads/${stage.olympiadId}/logo`, {
        data: PNG.toString('base64'),
      }).expect(200);
      await request(venue.url)
        .delete(`/api/olympiads/${stage.olympiadId}/logo`)
        .set(auth())
        .expect(204);
      const rows = await auditRows(venue, organiser, {
        action: 'olympiad.logo',
        objectId: stage.olympiadId,
      });
      const logo = { contentType: 'image/png', bytes: PNG.length, sha256: sha256(PNG) };
      expect(rows.map((row) => [row.before, row.after])).toEqual([
        [logo, null],
        [null, logo],
      ]);
      expect(JSON.stringify(rows)).not.toContain(PNG.toString('base64'));
    });

    it('records each qualifier entered into the republic stage once, with its reason; entering again records nothing', async () => {
      const republicId = (
        await post('/api/stages', {
          olympiadId: stage.olympiadId,
          kind: 'republic',
          name: 'Республикалық кезең',
          startsOn: '2027-03-20',
          endsOn: '2027-03-21',
        }).expect(201)
      ).body.id;
      await request(venue.url)
        .patch(`/api/stages/${stage.stageId}`)
        .set(auth())
        .send({ status: 'closed' })
        .expect(200);
      const answer = (
        await post(`/api/stages/${stage.stageId}/qualification/enter`, {
          targetStageId: republicId,
        }).expect(200)
      ).body as { entered: { team: string }[] };
      await post(`/api/stages/${stage.stageId}/qualification/enter`, {
        targetStageId: republicId,
      }).expect(200);

      const rows = await auditRows(venue, organiser, {
        action: 'qualification.decide',
        stageId: stage.stageId,
      });
      expect(answer.entered.length).toBeGreaterThan(0);
      expect(rows.map((row) => row.object.name).sort()).toEqual(
        answer.entered.map((entry) => entry.team).sort(),
      );
      for (const row of rows) {
        expect(row).toMatchObject({
          object: { kind: 'team' },
          before: null,
          after: { targetStageId: republicId, reason: 'top-n' },
        });
      }
    });
  },
);
