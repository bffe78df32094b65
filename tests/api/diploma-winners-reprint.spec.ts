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
  publishLive,
  type StageFixture,
} from '../support/venue-api';

const CODE = /[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}/;

/** Each page's text and the QR code decoded from its pixels, as a printer would render it. */
function printed(pdf: Buffer): { text: string; qr: string }[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomas-winners-'));
  const file = path.join(dir, 'diplomas.pdf');
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '120', '-png', file, path.join(dir, 'page')]);
  return fs
    .readdirSync(dir)
    .filter((entry) => entry.endsWith('.png'))
    .sort()
    .map((png, index) => {
      const image = PNG.sync.read(fs.readFileSync(path.join(dir, png)));
      return {
        text: execFileSync(
          'pdftotext',
          ['-f', String(index + 1), '-l', String(index + 1), file, '-'],
          { encoding: 'utf8' },
        ),
        qr: jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? '',
      };
    });
}

/**
 * A correction drops a team out of the places and only the winners' diplomas are printed again
 * (docs/diplomas.md, "Reprints and corrections"): the diploma it was given before must not still
 * check as genuine next to the new 3rd place's.
 */
describe('diploma check codes when only the winners are printed again after a correction', () => {
  let venue: Venue;
  let stage: StageFixture;
  let auth: { Authorization: string };
  const attempts: string[] = [];
  const winners = async () =>
    printed(
      (
        await request(venue.url)
          .get(`/api/categories/${stage.categoryId}/diplomas.pdf?who=winners`)
          .set(auth)
          .buffer(true)
          .parse(binaryBody)
          .expect(200)
      ).body as Buffer,
    );
  const open = (url: string) =>
    request(venue.url)
      .get(`${new URL(url).pathname}?lang=en`)
      .set('Accept', 'text/html');

  beforeAll(async () => {
    venue = await startVenue();
    const token = await organiserToken(venue);
    auth = { Authorization: `Bearer ${token}` };
    stage = await createMazeStage(venue, token, { teams: 4 });
    await publishLive(venue, token, stage);
    const judge = {
      Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, stage.judge.pin)}`,
    };
    const times = [50_000, 55_000, 60_000, 65_000];
    for (const [index, teamId] of stage.teamIds.entries()) {
      const entry = mazeAttempt(stage, teamId, 1, times[index]);
      attempts.push(entry.id);
      await request(venue.url).post('/api/ledger').set(judge).send(entry).expect(201);
    }
  });
  afterAll(() => venue.stop());

  it("marks the old 3rd place's diploma replaced by its certificate, which nobody printed", async () => {
    const before = await winners();
    expect(before).toHaveLength(3);
    const third = before.find((page) => page.text.includes('Қыран 3'));
    expect(third?.qr).toMatch(CODE);
    expect((await open(third?.qr as string).expect(200)).text).toContain('Genuine');

    // Video review: Қыран 3 took 70 s, not 60 s, and drops behind Қыран 4.
    await request(venue.url)
      .post('/api/ledger')
      .set({
        Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, stage.headJudge.pin)}`,
      })
      .send({
        ...mazeAttempt(stage, stage.teamIds[2], 1, 70_000),
        supersedes: attempts[2],
        reason: 'Video review',
      })
      .expect(201);

    const after = await winners();
    expect(after.map((page) => page.text.includes('Қыран 4'))).toContain(true);
    expect(after.some((page) => page.text.includes('Қыран 3'))).toBe(false);

    const old = (await open(third?.qr as string).expect(200)).text;
    expect(old).not.toContain('Genuine');
    expect(old).toContain('Replaced');
    const replacement = old.match(new RegExp(`/api/public/diplomas/(${CODE.source})`))?.[1];
    expect(replacement).toBeDefined();
    const now = (
      await request(venue.url)
        .get(`/api/public/diplomas/${replacement}?lang=en`)
        .set('Accept', 'text/html')
        .expect(200)
    ).text;
    expect(now).toContain('Genuine');
    expect(now).toContain('Қыран 3');
    expect(now).toContain('Certificate of participation');
    // The teams that kept their place keep their codes.
    for (const name of ['Қыран 1', 'Қыран 2'])
      expect(after.find((page) => page.text.includes(name))?.qr).toBe(
        before.find((page) => page.text.includes(name))?.qr,
      );
  });
});
