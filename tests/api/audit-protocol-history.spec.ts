import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { binaryBody } from '../support/binary-body';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';

/** Text of a PDF through Debian's poppler-utils, as a person copying it would get it. */
function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-'));
  fs.writeFileSync(path.join(dir, 'doc.pdf'), pdf);
  const artifacts = path.join(__dirname, '..', 'artifacts', 'documents');
  fs.mkdirSync(artifacts, { recursive: true });
  fs.writeFileSync(path.join(artifacts, 'protocol-history.pdf'), pdf);
  return execFileSync('pdftotext', ['-layout', path.join(dir, 'doc.pdf'), '-'], {
    encoding: 'utf8',
  });
}

/**
 * The protocol's footnote: when the category was locked, unlocked, published and withdrawn, and by
 * whom, from the audit record (docs/audit.md), oldest first.
 */
describe('the protocol lists the category’s lock and publish history', () => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;

  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 1 });
  });
  afterAll(() => venue?.stop());

  const protocol = async () =>
    pdfText(
      (
        await request(venue.url)
          .get(`/api/categories/${stage.categoryId}/protocol.pdf`)
          .set('Authorization', `Bearer ${organiser}`)
          .buffer(true)
          .parse(binaryBody)
          .expect(200)
      ).body as Buffer,
    );

  it('has no history footnote while nothing has happened', async () => {
    expect(await protocol()).not.toContain('История закрытия и публикации');
  });

  it('lists lock, unlock, publish and lock again in order, with who did each', async () => {
    const headJudge = await judgeToken(venue, stage.stageCode, stage.headJudge.pin);
    const post = (token: string, what: string) =>
      request(venue.url)
        .post(`/api/categories/${stage.categoryId}/${what}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
    await post(headJudge, 'lock');
    await post(organiser, 'unlock');
    await post(headJudge, 'publish');
    await post(headJudge, 'lock');

    const text = await protocol();
    expect(text).toContain('Құлыптау және жариялау тарихы / История закрытия и публикации');
    const steps = text
      .split('\n')
      .filter((line) => /\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} — /.test(line))
      .map((line) => line.trim().split(' — ').slice(1));
    expect(steps).toEqual([
      ['Санат құлыпталды / Категория закрыта', 'Гүлнар'],
      ['Санаттың құлпы ашылды / Категория открыта', 'organiser'],
      ['Нәтижелер жарияланды / Результаты опубликованы', 'Гүлнар'],
      ['Санат құлыпталды / Категория закрыта', 'Гүлнар'],
    ]);
  });
});
