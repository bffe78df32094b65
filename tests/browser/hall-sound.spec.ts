import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { addMazeField, armRun, confirmFinishedRun } from '../support/field-fixture';
import { RawDevice } from '../support/raw-device';
import { publishedKnockoutSumo } from '../support/knockout-sumo';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken, mazeAttempt } from '../support/venue-api';
import { launchChromium, newContext } from './support/chromium';
import {
  confirmRun,
  seedLeaderboardStage,
  type LeaderboardStage,
} from './support/leaderboard-stage';

/** What a page's audio layer did, as the spy below saw it. */
interface Heard {
  /** The hall's sound events (`olympiad:hall-sound`): cues played and sentences spoken. */
  events: ({ cue: string } | { lang: string; text: string })[];
  /** Web Audio buffer sources started, and audio contexts made. */
  started: number;
  contexts: number;
  /** What went to speechSynthesis.speak. */
  spoken: { text: string; lang: string }[];
}

/**
 * Spies on the page's audio layer where it meets the browser: every AudioContext made, every
 * buffer source started, every utterance handed to the speech synthesiser (which does not speak:
 * a test machine has no voices), and the hall’s own sound events. `fakeVoices` are the voices the
 * browser claims to have.
 */
function spyOnAudio(fakeVoices: { lang: string; name: string }[]) {
  const heard = { events: [], started: 0, contexts: 0, spoken: [] } as unknown as Heard;
  (window as unknown as { heard: Heard }).heard = heard;
  window.addEventListener('olympiad:hall-sound', (event) =>
    heard.events.push((event as CustomEvent).detail),
  );
  const Original = window.AudioContext;
  window.AudioContext = class extends Original {
    constructor(options?: AudioContextOptions) {
      super(options);
      heard.contexts += 1;
    }
  };
  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (...args) {
    heard.started += 1;
    return start.apply(this, args);
  };
  // A voice of our own is not a SpeechSynthesisVoice: let an utterance take it.
  Object.defineProperty(SpeechSynthesisUtterance.prototype, 'voice', {
    configurable: true,
    get() {
      return (this as { fakeVoice?: unknown }).fakeVoice ?? null;
    },
    set(value) {
      (this as { fakeVoice?: unknown }).fakeVoice = value;
    },
  });
  speechSynthesis.getVoices = () => fakeVoices as unknown as SpeechSynthesisVoice[];
  speechSynthesis.speak = (utterance) => {
    heard.spoken.push({ text: utterance.text, lang: utterance.lang });
  };
}

/**
 * The hall's sound (docs/results-display.md#hall-sound): a cue when a run starts and finishes,
 * when a sumo match starts and ends and when a podium place is revealed; the finished run's team
 * and time spoken where the browser has a Kazakh or Russian voice; nothing at all when the
 * screen's sound is off.
 */
describe('hall sound', () => {
  let venue: Venue;
  let browser: Browser;
  let stage: LeaderboardStage;
  let judge: string;
  const contexts: BrowserContext[] = [];

  const organiser = () => ({ Authorization: `Bearer ${stage.organiser}` });
  const post = (url: string, body: object = {}) =>
    request(venue.url).post(url).set(organiser()).send(body);

  async function hall(query: string, voices: { lang: string; name: string }[]): Promise<Page> {
    const context = await newContext(browser, 'hall');
    contexts.push(context);
    await context.addInitScript(spyOnAudio, voices);
    const page = await context.newPage();
    await page.goto(`${venue.url}/hall/${stage.stageCode}?every=600&lang=kk${query}`);
    await page.locator('tbody tr').first().waitFor();
    return page;
  }
  const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: Heard }).heard);
  const waitToHear = (page: Page, cue: string) =>
    page.waitForFunction(
      (name) =>
        (window as unknown as { heard: Heard }).heard.events.some(
          (event) => 'cue' in event && event.cue === name,
        ),
      cue,
      { timeout: 10_000 },
    );

  beforeAll(async () => {
    venue = await startVenue();
    browser = await launchChromium({ args: ['--autoplay-policy=no-user-gesture-required'] });
    stage = await seedLeaderboardStage(venue);
    judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    await confirmRun(venue, judge, stage.categoryId, stage.teamIds[0], 100_000);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await venue?.stop();
  });

  it('cues a run, a sumo match and the awards, says the result in Kazakh, and is silent when off', async () => {
    const kazakhVoice = [{ lang: 'kk-KZ', name: 'Kazakh' }];
    const withVoice = await hall('&sound=on&volume=40', kazakhVoice);
    const noVoice = await hall('&sound=on', []);
    const off = await hall('', kazakhVoice);

    // A run on a field, timed by its gates.
    const field = await addMazeField(
      venue,
      stage.organiser,
      stage,
      `gates-${randomUUID().slice(0, 8)}`,
    );
    await armRun(venue, judge, field.fieldId, {
      categoryId: stage.categoryId,
      teamId: stage.teamIds[3],
      attempt: 1,
    });
    const gates = await RawDevice.connect(venue.mqttUrl as string, field.deviceId, field.secret);
    try {
      await gates.publish(gates.gate('start', 5_000_000));
      for (const page of [withVoice, noVoice]) await waitToHear(page, 'run-start');
      await gates.publish(gates.gate('finish', 5_000_000 + 107_981_000));
      for (const page of [withVoice, noVoice]) await waitToHear(page, 'run-finish');
    } finally {
      await gates.close();
    }
    const spoken = { lang: 'kk', text: 'Қыран 4, 107,9 секунд.' };
    expect((await heard(withVoice)).spoken).toEqual([{ text: spoken.text, lang: 'kk-KZ' }]);
    expect((await heard(withVoice)).events).toContainEqual(spoken);
    // Where the browser has no Kazakh or Russian voice, the result is simply not said.
    expect((await heard(noVoice)).spoken).toEqual([]);

    // A sumo match: its first round, then the round that decides it.
    const category = await publishedKnockoutSumo(venue, stage.organiser, stage.stageId);
    const ring = (
      await post('/api/fields', {
        stageId: stage.stageId,
        name: 'Ринг',
        discipline: 'sumo',
      }).expect(201)
    ).body;
    const sumoJudge = (
      await post('/api/judges', {
        stageId: stage.stageId,
        name: 'Сумо төрешісі',
        role: 'judge',
        categoryIds: [category.id],
        fieldIds: [ring.id],
      }).expect(201)
    ).body;
    const sumoToken = await judgeToken(venue, stage.stageCode, sumoJudge.pin);
    const bracket = (
      await request(venue.url).get(`/api/public/categories/${category.id}/bracket`).expect(200)
    ).body as { matches: { id: string; a: string | null; b: string | null; status: string }[] };
    const match = bracket.matches.find((m) => m.status === 'ready' && m.a && m.b);
    if (!match) throw new Error('the draw has no match ready');
    const enter = (events: object[]) =>
      request(venue.url)
        .post('/api/ledger')
        .set('Authorization', `Bearer ${sumoToken}`)
        .send({
          id: randomUUID(),
          categoryId: category.id,
          teamId: null,
          kind: 'sumo.match',
          payload: { matchId: match.id, a: match.a, b: match.b, events },
          recordedAt: new Date().toISOString(),
        })
        .expect(201);
    // The screen has seen the bracket before the match (a first look makes no sound).
    await withVoice.waitForFunction(
      () => performance.getEntriesByType('resource').some((r) => r.name.includes('/bracket')),
      undefined,
      { timeout: 10_000 },
    );
    // The match starts when the ring's tablet starts its first round (not when that is recorded).
    await request(venue.url)
      .post(`/api/fields/${ring.id}/sumo-clock`)
      .set('Authorization', `Bearer ${sumoToken}`)
      .send({
        categoryId: category.id,
        matchId: match.id,
        round: 1,
        state: 'running',
        elapsedMs: 0,
        startsInMs: 5_000,
        roundMs: category.ruleSet.params.match.matchTimeMs,
      })
      .expect(200);
    await waitToHear(withVoice, 'match-start');
    await enter([{ type: 'point', side: 'a' }]);
    await enter([{ type: 'point', side: 'a' }]);
    await waitToHear(withVoice, 'match-end');

    // The screen with its sound off saw the gate's run too.
    await off
      .locator('.field-now__clock[data-state="finished"]', { hasText: '1:47.981' })
      .waitFor();
    // No place is revealed while the gate's time awaits the judge (docs/diplomas.md): confirm it.
    await confirmFinishedRun(
      venue,
      judge,
      field.fieldId,
      mazeAttempt(stage, stage.teamIds[3], 1, 107_981, { timing: 'sensor' }),
      'Field judge: the gate time stands',
    );

    // The awards: a place revealed.
    await post(`/api/categories/${stage.categoryId}/awards/start`, { podium: 3 }).expect(200);
    await post(`/api/categories/${stage.categoryId}/awards/reveal`).expect(200);
    await waitToHear(withVoice, 'reveal');
    // Two teams have places: the first reveal is the 2nd, the gate-timed Қыран 4.
    await off.locator('.podium__step[data-place]', { hasText: 'Қыран 4' }).waitFor();
    await post(`/api/categories/${stage.categoryId}/awards/end`).expect(200);

    const on = await heard(withVoice);
    const cues = on.events.flatMap((event) => ('cue' in event ? [event.cue] : []));
    expect(cues).toEqual(['run-start', 'run-finish', 'match-start', 'match-end', 'reveal']);
    // Each cue went out through Web Audio: one buffer source started for each.
    expect(on.started).toBe(cues.length);
    expect(on.contexts).toBe(1);

    // The screen with its sound off saw all of it, and made no sound: no context, no source, no voice.
    expect(await heard(off)).toEqual({ events: [], started: 0, contexts: 0, spoken: [] });
  });
});
