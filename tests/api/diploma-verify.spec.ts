import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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
const artifacts = path.join(__dirname, '..', 'artifacts', 'diplomas');

/** One printed diploma: its page's text, and what its QR code says once rendered to pixels. */
interface PrintedPage {
  text: string;
  qr: string | null;
}

/** Renders every page as a person's printer would (pdftoppm), reads its text and decodes its QR code from the pixels. */
function printed(pdf: Buffer, name: string): PrintedPage[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomas-'));
  const file = path.join(dir, 'diplomas.pdf');
  fs.writeFileSync(file, pdf);
  fs.mkdirSync(artifacts, { recursive: true });
  fs.writeFileSync(path.join(artifacts, `${name}.pdf`), pdf);
  execFileSync('pdftoppm', ['-r', '120', '-png', file, path.join(dir, 'page')]);
  const pngs = fs
    .readdirSync(dir)
    .filter((entry) => entry.endsWith('.png'))
    .sort();
  fs.copyFileSync(path.join(dir, pngs[0]), path.join(artifacts, `${name}-page1.png`));
  return pngs.map((png, index) => {
    const image = PNG.sync.read(fs.readFileSync(path.join(dir, png)));
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    const text = execFileSync(
      'pdftotext',
      ['-f', String(index + 1), '-l', String(index + 1), '-layout', file, '-'],
      { encoding: 'utf8' },
    );
    return { text, qr: decoded?.data ?? null };
  });
}

/**
 * Verifiable diplomas (docs/diplomas.md): each page's QR code, decoded from the rendered PDF,
 * leads to a public page naming the right team; a reprint keeps the code; a diploma reissued
 * after a correction gets a new code, and the old code's page says it was replaced.
 */
describe('diploma check codes: from the printed QR code to the public page', () => {
  let venue: Venue;
  let stage: StageFixture;
  let auth: { Authorization: string };
  let judge: { Authorization: string };
  const firstAttempt: Record<string, string> = {};

  const diplomas = async (design: 'classic' | 'modern', name: string) =>
    printed(
      (
        await request(venue.url)
          .get(`/api/categories/${stage.categoryId}/diplomas.pdf?design=${design}`)
          .set(auth)
          .buffer(true)
          .parse(binaryBody)
          .expect(200)
      ).body as Buffer,
      name,
    );
  const pageOf = (pages: PrintedPage[], recipient: string) => {
    const page = pages.find((candidate) => candidate.text.includes(recipient));
    if (!page) throw new Error(`no diploma for ${recipient}`);
    return page;
  };
  /** The check page as a phone's browser opens it. */
  const open = (url: string, lang?: string) =>
    request(venue.url)
      .get(new URL(url).pathname + (lang ? `?lang=${lang}` : ''))
      .set('Accept', 'text/html,application/xhtml+xml');

  beforeAll(async () => {
    venue = await startVenue();
    const token = await organiserToken(venue);
    auth = { Authorization: `Bearer ${token}` };
    stage = await createMazeStage(venue, token, { teams: 4 });
    await request(venue.url)
      .patch(`/api/stages/${stage.stageId}`)
      .set(auth)
      .send({ status: 'live' })
      .expect(200);
    judge = {
      Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, stage.judge.pin)}`,
    };
    const times = [50_000, 55_000, 60_000, 65_000];
    for (const [index, teamId] of stage.teamIds.entries()) {
      const entry = mazeAttempt(stage, teamId, 1, times[index]);
      firstAttempt[teamId] = entry.id;
      await request(venue.url).post('/api/ledger').set(judge).send(entry).expect(201);
    }
    // The check page shows a diploma once its category's results are public (docs/diplomas.md).
    await request(venue.url)
      .post(`/api/categories/${stage.categoryId}/publish`)
      .set(auth)
      .expect(200);
  });
  afterAll(() => venue.stop());

  it("decodes each page's QR code to the check page of that very team, in kk, ru and en", async () => {
    const pages = await diplomas('classic', 'diplomas-classic');
    expect(pages).toHaveLength(4);
    const first = pageOf(pages, 'Әлихан 0');
    expect(first.qr).toMatch(new RegExp(`/api/public/diplomas/${CODE.source}$`));
    // The code printed under the QR code is the one it leads to.
    expect(first.text).toContain(first.qr?.match(CODE)?.[0]);
    expect(new Set(pages.map((page) => page.qr)).size).toBe(4);

    const page = (await open(first.qr as string, 'ru').expect(200)).text;
    expect(page).toContain('Подлинный');
    expect(page).toContain('Әлихан 0');
    expect(page).toContain('Қыран 1');
    expect(page).toContain('Школа №21');
    expect(page).toContain('Maze 3–4');
    expect(page).toContain('Aktobe regional stage');
    expect(page).toMatch(/<dt>Место<\/dt><dd>1<\/dd>/);
    expect(page).not.toContain('Қыран 2');
    expect((await open(first.qr as string, 'kk').expect(200)).text).toContain('Түпнұсқа');
    expect((await open(first.qr as string, 'en').expect(200)).text).toContain('Genuine');
    const fourth = (await open(pageOf(pages, 'Әлихан 3').qr as string, 'en').expect(200)).text;
    expect(fourth).toContain('Қыран 4');
    expect(fourth).toContain('Certificate of participation');
  });

  it('reprints an unchanged diploma with the same code, in either design', async () => {
    const before = await diplomas('classic', 'diplomas-classic-again');
    const modern = await diplomas('modern', 'diplomas-modern');
    for (const recipient of ['Әлихан 0', 'Әлихан 1', 'Әлихан 2', 'Әлихан 3']) {
      expect(pageOf(modern, recipient).qr).toBe(pageOf(before, recipient).qr);
      expect(pageOf(modern, recipient).qr).toMatch(CODE);
    }
  });

  it("gives a corrected team's diploma a new code; the old code's page says it was replaced and links the new one", async () => {
    const before = await diplomas('classic', 'diplomas-before-correction');
    const oldUrl = pageOf(before, 'Әлихан 0').qr as string;
    const untouched = pageOf(before, 'Әлихан 2').qr;
    const lastUntouched = pageOf(before, 'Әлихан 3').qr;
    const headJudge = {
      Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, stage.headJudge.pin)}`,
    };
    // Video review: the first team's time was 58 s, not 50 s; it drops from 1st to 2nd.
    await request(venue.url)
      .post('/api/ledger')
      .set(headJudge)
      .send({
        ...mazeAttempt(stage, stage.teamIds[0], 1, 58_000),
        supersedes: firstAttempt[stage.teamIds[0]],
        reason: 'Video review: the stopwatch started late',
      })
      .expect(201);

    const after = await diplomas('classic', 'diplomas-after-correction');
    const newUrl = pageOf(after, 'Әлихан 0').qr as string;
    expect(newUrl).toMatch(CODE);
    expect(newUrl).not.toBe(oldUrl);
    // The teams whose place stayed keep their codes.
    expect(pageOf(after, 'Әлихан 2').qr).toBe(untouched);
    expect(pageOf(after, 'Әлихан 3').qr).toBe(lastUntouched);

    const oldPage = (await open(oldUrl, 'en').expect(200)).text;
    expect(oldPage).toContain('Replaced');
    const newCode = newUrl.match(CODE)?.[0] as string;
    expect(oldPage).toContain(`/api/public/diplomas/${newCode}?lang=en`);
    expect(oldPage).not.toContain('Genuine');
    const newPage = (await open(newUrl, 'en').expect(200)).text;
    expect(newPage).toContain('Genuine');
    expect(newPage).toMatch(/<dt>Place<\/dt><dd>2<\/dd>/);
  });

  it('warns at start while PUBLIC_URL is unset, since the QR codes would lead to localhost', async () => {
    expect(venue.output()).toContain('PUBLIC_URL is not set: diplomas printed now carry QR codes');
    const named = await startVenue({ env: { PUBLIC_URL: 'https://results.example.kz' } });
    try {
      expect(named.output()).toContain('Venue server is up');
      expect(named.output()).not.toContain('PUBLIC_URL is not set');
    } finally {
      await named.stop();
    }
  });

  it('says "not found" for a code no diploma has, as a page to a browser and as JSON to a program', async () => {
    const page = await request(venue.url)
      .get('/api/public/diplomas/ZZZZ-ZZZZ-ZZ?lang=en')
      .set('Accept', 'text/html')
      .expect(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('No diploma has the code ZZZZ-ZZZZ-ZZ');
    const json = await request(venue.url).get('/api/public/diplomas/ZZZZ-ZZZZ-ZZ').expect(404);
    expect(json.body.key).toBe('errors.notFound');
    await request(venue.url)
      .get('/api/public/diplomas/%3Cscript%3E')
      .set('Accept', 'text/html')
      .expect(404)
      .expect((answer) => expect(answer.text).not.toContain('<script>'));
  });
});
