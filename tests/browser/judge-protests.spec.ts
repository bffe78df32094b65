import { t } from '@olympiad/i18n';
import type { Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { saveScreenshot } from './support/chromium';
import { ledgerOf } from './support/judge-olympiad';
import { signedInTablet } from './support/judge-tablet-page';
import { judgeTabletSuite } from './support/judge-tablet-suite';

/** A real PNG (1×1), as a camera would hand the file input a picture. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * The head judge records protests on the tablet and decides them (docs/judge-tablet.md#protests):
 * one upheld through a correction of the protested entry, one rejected with a reason.
 */
describe('head judge: protests on the tablet', () => {
  const tablet = judgeTabletSuite({ signIn: false });
  let protestedEntry: string;

  const protestsOf = async () =>
    (
      await request(tablet.venue.url)
        .get(`/api/categories/${tablet.olympiad.categories.maze}/protests`)
        .set('Authorization', `Bearer ${tablet.olympiad.organiser}`)
        .expect(200)
    ).body as {
      protests: {
        id: string;
        teamId: string;
        status: string;
        attachments: unknown[];
        decision: { reason: string; correctionEntryId: string | null } | null;
      }[];
    };
  const placeOf = async (teamId: string) =>
    (
      (
        await request(tablet.venue.url)
          .get(`/api/categories/${tablet.olympiad.categories.maze}/standings`)
          .set('Authorization', `Bearer ${tablet.olympiad.organiser}`)
          .expect(200)
      ).body as { standings: { rows: { teamId: string; place: number | null }[] } }
    ).standings.rows.find((row) => row.teamId === teamId)?.place;

  beforeAll(async () => {
    const judge = (
      await request(tablet.venue.url)
        .post('/api/auth/judge')
        .send({ stageCode: tablet.olympiad.stageCode, pin: tablet.olympiad.judge.pin })
        .expect(200)
    ).body.token as string;
    const attempt = async (teamId: string, timeMs: number) => {
      const id = randomUUID();
      await request(tablet.venue.url)
        .post('/api/ledger')
        .set('Authorization', `Bearer ${judge}`)
        .send({
          id,
          categoryId: tablet.olympiad.categories.maze,
          teamId,
          kind: 'maze.attempt',
          payload: { attempt: 1, outcome: 'finished', timeMs, touches: 0, timing: 'stopwatch' },
          recordedAt: new Date().toISOString(),
        })
        .expect(201);
      return id;
    };
    protestedEntry = await attempt(tablet.olympiad.teams.maze[0], 30_000);
    await attempt(tablet.olympiad.teams.maze[1], 40_000);
  });

  async function openProtests(
    lang: 'kk' | 'ru' | 'en',
    reviewLabel: string,
    protestsLabel: string,
  ) {
    const head = await signedInTablet(
      tablet.browser,
      tablet.venue.url,
      tablet.olympiad.stageCode,
      tablet.olympiad.headJudge.pin,
      lang,
    );
    await head.page
      .locator('.tile', { hasText: 'Лабиринт 3–4' })
      .locator('a', { hasText: reviewLabel })
      .click();
    await head.page.getByRole('link', { name: protestsLabel }).click();
    await head.page.locator('#protests-title').waitFor();
    return head;
  }

  async function recordOnTablet(
    page: Page,
    labels: { team: string; target: string; who: string; reason: string; submit: string },
    values: {
      team: string;
      entriesOf?: string;
      target: string | RegExp;
      who: string;
      reason: string;
      photo?: boolean;
    },
  ) {
    const form = page.locator('.protest-form');
    await form.getByLabel(labels.team, { exact: true }).selectOption({ label: values.team });
    if (values.entriesOf)
      await form.getByLabel('Entries of the team').selectOption({ label: values.entriesOf });
    await form
      .getByRole('radiogroup', { name: labels.target })
      .getByRole('radio', { name: values.target })
      .click();
    await form.getByLabel(labels.who).fill(values.who);
    await form.getByLabel(labels.reason, { exact: true }).fill(values.reason);
    if (values.photo) {
      await form
        .locator('input[type="file"]')
        .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PHOTO });
      await form.getByText(/1 (photo|фото)/).waitFor();
    }
    await form.getByRole('button', { name: labels.submit }).click();
  }

  const EN = {
    team: 'Protesting team',
    target: 'What is protested',
    who: 'Who protests (coach or captain)',
    reason: 'Reason',
    submit: 'Record the protest',
  };

  it('records two protests, upholds one through a correction of the entry and rejects the other', async () => {
    const [first, second] = tablet.olympiad.teamNames.maze;
    const head = await openProtests('en', 'Review', 'Protests');
    const page = head.page;
    try {
      await recordOnTablet(page, EN, {
        team: second,
        entriesOf: first,
        target: /^Entry of Қыран: #1 .*0:30/,
        who: 'Ерлан Сәрсенов, coach',
        reason: 'The robot of Қыран touched the wall three times',
        photo: true,
      });
      await page.locator('[data-testid="open-protests"]', { hasText: '1 open protest' }).waitFor();
      await recordOnTablet(page, EN, {
        team: first,
        target: 'The ranking',
        who: 'Айгүл, captain',
        reason: 'Our ranking should be checked',
      });
      await page.locator('[data-testid="open-protests"]', { hasText: '2 open protests' }).waitFor();
      const recorded = (await protestsOf()).protests;
      expect(recorded.map((protest) => protest.status)).toEqual(['open', 'open']);
      expect(recorded[0].attachments).toHaveLength(1);
      expect(await placeOf(tablet.olympiad.teams.maze[0])).toBe(1);

      // Uphold: the correction form opens for the protested entry, as on the review screen.
      const upheld = page.locator(`[data-protest="${recorded[0].id}"]`);
      await upheld.getByRole('button', { name: 'Uphold' }).click();
      await upheld.getByLabel('Touches', { exact: true }).fill('3');
      await upheld.getByLabel('Reason (kept forever)').fill('The video shows three touches');
      await upheld.getByRole('button', { name: 'Save correction' }).click();
      await page.locator(`[data-protest="${recorded[0].id}"]`, { hasText: 'Upheld' }).waitFor();

      const rejected = page.locator(`[data-protest="${recorded[1].id}"]`);
      await rejected.getByRole('button', { name: 'Reject' }).click();
      await rejected
        .getByLabel('Why rejected (kept forever)')
        .fill('The ranking follows the rules');
      await rejected.getByRole('button', { name: 'Reject the protest' }).click();
      await page.locator(`[data-protest="${recorded[1].id}"]`, { hasText: 'Rejected' }).waitFor();
      await page
        .locator('[data-testid="open-protests"]', { hasText: 'No open protests' })
        .waitFor();

      const decided = (await protestsOf()).protests;
      expect(decided.map((protest) => protest.status)).toEqual(['upheld', 'rejected']);
      const correction = (
        await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.maze)
      ).find((entry) => entry.id === decided[0].decision?.correctionEntryId);
      expect(correction).toMatchObject({
        supersedes: protestedEntry,
        payload: { timeMs: 30_000, touches: 3 },
      });
      // 30 s + 3 × 10 s: the protesting team is first now; the rejected protest changed nothing more.
      expect(await placeOf(tablet.olympiad.teams.maze[1])).toBe(1);
      expect(decided[1].decision).toMatchObject({
        reason: 'The ranking follows the rules',
        correctionEntryId: null,
      });
      await saveScreenshot(page, 'judge-protests-decided-en');
    } finally {
      await head.context.close();
    }
  });

  const LANGS = {
    kk: {
      review: 'Тексеру',
      protests: 'Наразылықтар',
      labels: {
        team: 'Наразылық білдіретін команда',
        target: 'Неге наразылық',
        who: 'Кім береді (жаттықтырушы не капитан)',
        reason: 'Себебі',
        submit: 'Наразылықты тіркеу',
      },
      target: 'Қорытынды орын',
      open: '1 ашық наразылық',
      closed: 'Ашық наразылық жоқ',
    },
    ru: {
      review: 'Проверка',
      protests: 'Протесты',
      labels: {
        team: 'Команда, подающая протест',
        target: 'Что оспаривается',
        who: 'Кто подаёт (тренер или капитан)',
        reason: 'Причина',
        submit: 'Записать протест',
      },
      target: 'Итоговое место',
      open: '1 открытый протест',
      closed: 'Открытых протестов нет',
    },
  } as const;

  for (const lang of ['kk', 'ru'] as const) {
    it(`reads in ${lang}: records a protest and shows it open among the decided ones`, async () => {
      const words = LANGS[lang];
      const head = await openProtests(lang, words.review, words.protests);
      const page = head.page;
      try {
        await recordOnTablet(page, words.labels, {
          team: tablet.olympiad.teamNames.maze[2],
          target: words.target,
          who: 'Нұрлан Ахметов',
          reason: lang === 'kk' ? 'Төреші уақытты қате жазды' : 'Судья неверно записал время',
          photo: true,
        });
        await page.locator('[data-testid="open-protests"]', { hasText: words.open }).waitFor();
        await page
          .locator('[data-testid="open-protests"]')
          .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
        await saveScreenshot(page, `judge-protests-${lang}`);
        const open = (await protestsOf()).protests.find((protest) => protest.status === 'open');
        const row = page.locator(`[data-protest="${open?.id}"]`);
        await row.getByRole('button', { name: lang === 'kk' ? 'Қабылдамау' : 'Отклонить' }).click();
        await row
          .getByLabel(
            lang === 'kk'
              ? 'Неге қабылданбады (мәңгі сақталады)'
              : 'Почему отклонён (сохраняется навсегда)',
          )
          .fill(lang === 'kk' ? 'Бейнежазба уақытты растайды' : 'Видео подтверждает время');
        await row
          .getByRole('button', {
            name: lang === 'kk' ? 'Наразылықты қабылдамау' : 'Отклонить протест',
          })
          .click();
        await page.locator('[data-testid="open-protests"]', { hasText: words.closed }).waitFor();
        await page
          .locator('[data-testid="open-protests"]')
          .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
        await saveScreenshot(page, `judge-protests-decided-${lang}`);
        const decided = (await protestsOf()).protests.find((protest) => protest.id === open?.id);
        expect(decided).toMatchObject({ status: 'rejected', attachments: [expect.anything()] });
      } finally {
        await head.context.close();
      }
    });
  }

  it('after the window the tablet says protests are closed, and shows the server refusing one (ru)', async () => {
    const { organiser, categories, teamNames } = tablet.olympiad;
    const auth = { Authorization: `Bearer ${organiser}` };
    await request(tablet.venue.url)
      .patch(`/api/categories/${categories.programming}/params`)
      .set(auth)
      .send({ params: { protestWindowMinutes: 0 } })
      .expect(200);
    const published = (
      await request(tablet.venue.url)
        .post(`/api/categories/${categories.programming}/publish`)
        .set(auth)
        .expect(200)
    ).body as { publishedAt: string };
    // A window of zero minutes: any instant after publication is late.
    while (Date.now() <= Date.parse(published.publishedAt))
      await new Promise((resolve) => setImmediate(resolve));

    const head = await signedInTablet(
      tablet.browser,
      tablet.venue.url,
      tablet.olympiad.stageCode,
      tablet.olympiad.headJudge.pin,
      'ru',
    );
    const page = head.page;
    try {
      await page
        .locator('.tile', { hasText: 'Бағдарламалау 5–6' })
        .locator('a', { hasText: 'Проверка' })
        .click();
      await page.getByRole('link', { name: 'Протесты' }).click();
      await page.getByText(/^Приём протестов закрыт в \d\d:\d\d\.$/).waitFor();
      await recordOnTablet(page, LANGS.ru.labels, {
        team: teamNames.programming[0],
        target: LANGS.ru.target,
        who: 'Нұрлан Ахметов',
        reason: 'Поздний протест',
      });
      await page.locator('.protest-form').getByText(t('ru', 'protests.windowClosed')).waitFor();
      await page.locator('.protest-form').evaluate((form) => form.scrollIntoView({ block: 'end' }));
      await saveScreenshot(page, 'judge-protests-window-closed-ru');
      const list = (
        await request(tablet.venue.url)
          .get(`/api/categories/${categories.programming}/protests`)
          .set(auth)
          .expect(200)
      ).body as { protests: unknown[]; accepting: boolean };
      expect(list).toMatchObject({ protests: [], accepting: false });
    } finally {
      await head.context.close();
    }
  });

  it('offline, the screen says protests need the server and records nothing', async () => {
    const head = await openProtests('en', 'Review', 'Protests');
    const page = head.page;
    try {
      await head.context.setOffline(true);
      await page.getByText(t('en', 'judge.protests.needsConnection')).waitFor();
      expect(await page.getByRole('button', { name: EN.submit }).isDisabled()).toBe(true);
      await saveScreenshot(page, 'judge-protests-offline-en');
    } finally {
      await head.context.close();
    }
  });
});
