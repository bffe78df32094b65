import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import request from 'supertest';
import { binaryBody } from '../support/binary-body';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  mazeAttempt,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';

const CODE = /[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}/;

/** The QR codes of a diplomas PDF, page by page, decoded from the rendered pixels. */
function qrCodesOf(pdf: Buffer): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomas-embargo-'));
  const file = path.join(dir, 'diplomas.pdf');
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '120', '-png', file, path.join(dir, 'page')]);
  return fs
    .readdirSync(dir)
    .filter((entry) => entry.endsWith('.png'))
    .sort()
    .map((png) => {
      const image = PNG.sync.read(fs.readFileSync(path.join(dir, png)));
      return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? '';
    });
}

/**
 * Diplomas are often printed before the award ceremony, while the results are still under embargo
 * (docs/diplomas.md, "The check page"): the public check of such a code must not tell anyone the
 * place, the team or the members until the category's results are published.
 */
describe('diploma check page: no result before it is published, and hostile names stay text', () => {
  let venue: Venue;
  let stage: StageFixture;
  let auth: { Authorization: string };
  let hostileTeam: string;
  const open = (url: string) =>
    request(venue.url)
      .get(`${new URL(url).pathname}?lang=en`)
      .set('Accept', 'text/html');

  beforeAll(async () => {
    venue = await startVenue();
    const token = await organiserToken(venue);
    auth = { Authorization: `Bearer ${token}` };
    stage = await createMazeStage(venue, token, { teams: 2 });
    const school = (
      await request(venue.url)
        .post('/api/schools')
        .set(auth)
        .send({ name: '<b>School</b> "21" & co', regionCode: 'aktobe' })
        .expect(201)
    ).body;
    hostileTeam = (
      await request(venue.url)
        .post('/api/teams')
        .set(auth)
        .send({
          stageId: stage.stageId,
          categoryId: stage.categoryId,
          schoolId: school.id,
          name: '<img src=x onerror=alert(1)>',
          members: [{ name: '"><script>alert(2)</script>', grade: 4 }],
        })
        .expect(201)
    ).body.id;
    await request(venue.url)
      .patch(`/api/stages/${stage.stageId}`)
      .set(auth)
      .send({ status: 'live' })
      .expect(200);
    const judge = {
      Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, stage.judge.pin)}`,
    };
    const times = [50_000, 55_000, 40_000];
    for (const [index, teamId] of [...stage.teamIds, hostileTeam].entries())
      await request(venue.url)
        .post('/api/ledger')
        .set(judge)
        .send(mazeAttempt(stage, teamId, 1, times[index]))
        .expect(201);
  });
  afterAll(() => venue.stop());

  it('shows no place, team or member of an unpublished category, and all of it once published', async () => {
    const pdf = (
      await request(venue.url)
        .get(`/api/categories/${stage.categoryId}/diplomas.pdf`)
        .set(auth)
        .buffer(true)
        .parse(binaryBody)
        .expect(200)
    ).body as Buffer;
    const codes = qrCodesOf(pdf);
    expect(codes).toHaveLength(3);
    for (const url of codes) expect(url).toMatch(CODE);

    for (const url of codes) {
      const page = (await open(url)).text;
      expect(page).toContain('not published yet');
      expect(page).not.toMatch(/Қыран|Әлихан|Школа|School|<dt>Place/);
      expect(page).not.toContain('Genuine');
      const json = await request(venue.url).get(new URL(url).pathname).expect(404);
      expect(JSON.stringify(json.body)).not.toMatch(/Қыран|Әлихан|Школа|place/);
    }

    await request(venue.url)
      .post(`/api/categories/${stage.categoryId}/publish`)
      .set(auth)
      .expect(200);
    const published = await Promise.all(
      codes.map(async (url) => (await open(url).expect(200)).text),
    );
    for (const page of published) expect(page).toContain('Genuine');

    await request(venue.url)
      .post(`/api/categories/${stage.categoryId}/unpublish`)
      .set(auth)
      .expect(200);
    expect((await open(codes[0])).text).not.toContain('Genuine');
  });

  it("prints a team's, member's and school's markup as text on the check page", async () => {
    await request(venue.url)
      .post(`/api/categories/${stage.categoryId}/publish`)
      .set(auth)
      .expect(200);
    const pdf = (
      await request(venue.url)
        .get(`/api/categories/${stage.categoryId}/diplomas.pdf`)
        .set(auth)
        .buffer(true)
        .parse(binaryBody)
        .expect(200)
    ).body as Buffer;
    const pages = await Promise.all(
      qrCodesOf(pdf).map(async (url) => (await open(url).expect(200)).text),
    );
    const hostile = pages.find((page) => page.includes('onerror'));
    expect(hostile).toBeDefined();
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(hostile).toContain('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(hostile).toContain('&lt;b&gt;School&lt;/b&gt; &quot;21&quot; &amp; co');
    expect(hostile).not.toMatch(/<img|<script|<b>/);
  });

  it('answers a very long or malformed code with the short "not found" page', async () => {
    const long = 'A'.repeat(4_000);
    const page = await request(venue.url)
      .get(`/api/public/diplomas/${long}?lang=en`)
      .set('Accept', 'text/html')
      .expect(404);
    expect(page.text).toContain('No diploma has the code');
    expect(page.text.length).toBeLessThan(3_000);
    await request(venue.url).get(`/api/public/diplomas/${long}`).expect(404);
  });
});
