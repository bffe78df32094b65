import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { t } from '@olympiad/i18n';
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

/** Text of a PDF through Debian's poppler-utils, whitespace folded, as a person copying it gets it. */
function pdfText(pdf: Buffer, name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-'));
  fs.writeFileSync(path.join(dir, 'doc.pdf'), pdf);
  const artifacts = path.join(__dirname, '..', 'artifacts', 'documents');
  fs.mkdirSync(artifacts, { recursive: true });
  fs.writeFileSync(path.join(artifacts, name), pdf);
  return execFileSync('pdftotext', ['-layout', path.join(dir, 'doc.pdf'), '-'], {
    encoding: 'utf8',
  });
}
const flat = (text: string) => text.replace(/\s+/g, ' ');

/**
 * The two outcomes docs/rules.md names as options (`unfinishedTeams`, `roundRobinTies`) are printed
 * in the protocol's rules, in Kazakh and Russian words, and a maze protocol places a team that never
 * finished when its category says so.
 */
describe('protocol: the tie and unfinished-team options in words', () => {
  let venue: Venue;
  let stage: StageFixture;
  let auth: { Authorization: string };
  const protocol = async (categoryId: string, name: string) =>
    pdfText(
      (
        await request(venue.url)
          .get(`/api/categories/${categoryId}/protocol.pdf`)
          .set(auth)
          .buffer(true)
          .parse(binaryBody)
          .expect(200)
      ).body as Buffer,
      name,
    );

  beforeAll(async () => {
    venue = await startVenue();
    const token = await organiserToken(venue);
    auth = { Authorization: `Bearer ${token}` };
    stage = await createMazeStage(venue, token, { teams: 3 });
  });

  afterAll(async () => {
    await venue?.stop();
  });

  it('states the maze default (no place without a finish) and, once changed, places such a team after the finishers', async () => {
    const before = flat(await protocol(stage.categoryId, 'protocol-unfinished-default.pdf'));
    for (const lang of ['kk', 'ru'] as const) {
      expect(before).toContain(t(lang, 'rules.maze.unfinishedTeams.unplaced'));
    }

    await request(venue.url)
      .patch(`/api/categories/${stage.categoryId}/params`)
      .set(auth)
      .send({ params: { unfinishedTeams: 'placed-after-finishers' } })
      .expect(200);
    const judge = {
      Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, stage.judge.pin)}`,
    };
    const [finisher, stalled] = stage.teamIds;
    for (const entry of [
      mazeAttempt(stage, finisher, 1, 41_000),
      mazeAttempt(stage, stalled, 1, null),
    ]) {
      await request(venue.url).post('/api/ledger').set(judge).send(entry).expect(201);
    }

    const standings = (
      await request(venue.url)
        .get(`/api/categories/${stage.categoryId}/standings`)
        .set(auth)
        .expect(200)
    ).body.standings as { rows: { teamId: string; place: number | null; status: string }[] };
    expect(standings.rows.map((r) => [r.teamId, r.place, r.status])).toEqual([
      [finisher, 1, 'ranked'],
      [stalled, 2, 'ranked'],
      [stage.teamIds[2], null, 'not-scored'],
    ]);

    const text = await protocol(stage.categoryId, 'protocol-unfinished-placed.pdf');
    const after = flat(text);
    for (const lang of ['kk', 'ru'] as const) {
      expect(after).toContain(t(lang, 'rules.maze.unfinishedTeams.placed-after-finishers'));
      expect(after).not.toContain(t(lang, 'rules.maze.unfinishedTeams.unplaced'));
    }
    // The stalled team's row: place 2, its name, no time.
    expect(text).toMatch(/^\s*2\s+Қыран 2\b.*—/m);
    expect(text).not.toMatch(/[{}]|unfinishedTeams|placed-after-finishers/);
  });

  it('states how a sumo group breaks a three-way tie: head-to-head re-applied by default, once when set', async () => {
    const create = async (name: string, params?: Record<string, unknown>) =>
      (
        await request(venue.url)
          .post('/api/categories')
          .set(auth)
          .send({
            stageId: stage.stageId,
            discipline: 'sumo',
            ageGroup: { label: '5–6', minGrade: 5, maxGrade: 6 },
            name,
            preset: 'sumo-default',
            ...(params ? { params } : {}),
          })
          .expect(201)
      ).body as { id: string };
    const byDefault = flat(await protocol((await create('Сумо 5–6')).id, 'protocol-sumo-ties.pdf'));
    const once = flat(
      await protocol(
        (await create('Сумо 5–6 (B)', { 'tournament.roundRobinTies': 'head-to-head-once' })).id,
        'protocol-sumo-ties-once.pdf',
      ),
    );
    for (const lang of ['kk', 'ru'] as const) {
      const reapplied = t(lang, 'rules.sumo.roundRobinTies.head-to-head-reapplied');
      const onceWords = t(lang, 'rules.sumo.roundRobinTies.head-to-head-once');
      expect(byDefault).toContain(reapplied);
      expect(byDefault).not.toContain(onceWords);
      expect(once).toContain(onceWords);
      expect(once).not.toContain(reapplied);
    }
    expect(byDefault).toContain(
      'личные встречи применяются повторно к командам, которые остались равными',
    );
    expect(byDefault).toContain('өзара кездесулер әлі тең қалған командаларға қайта қолданылады');
  });
});
