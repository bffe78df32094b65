import request from 'supertest';
import { createRegionalStage, type RegionalStage } from '../support/regional-stage';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken, mazeAttempt, organiserToken } from '../support/venue-api';

interface Decision {
  team: string;
  qualified: boolean;
  reason: string;
  message: string;
}

interface PublicQualifier {
  team: string;
  reason: string;
  rule: { kk: string; ru: string; en: string } | null;
}

/**
 * Every mode of the qualification rules through the API (docs/qualification-rules.md): top N, top %,
 * per category or per age group, a threshold, wildcards; the rule of the entry is kept with the
 * republic stage and stated on the public qualifiers list.
 */
describe('qualification modes through the API', () => {
  let venue: Venue;
  let token: string;
  let stage: RegionalStage;
  let republicId: string;
  let maze: string;
  let open: string;
  const teams: Record<string, string> = {};
  const auth = () => ({ Authorization: `Bearer ${token}` });
  const post = (url: string, body: object) => request(venue.url).post(url).set(auth()).send(body);
  const rule = (
    selection: object,
    threshold: object = { kind: 'finished' },
    perAgeGroup = true,
  ) => ({ selection, perAgeGroup, threshold, carryOver: false });
  /** The teams the rule lets through, and why. */
  const preview = async (body: object) => {
    const answer = (
      await post(`/api/stages/${stage.stageId}/qualification/preview`, body).expect(200)
    ).body as {
      decisions: Decision[];
    };
    return Object.fromEntries(answer.decisions.map((decision) => [decision.team, decision]));
  };
  const qualified = (decisions: Record<string, Decision>) =>
    Object.values(decisions)
      .filter((decision) => decision.qualified)
      .map((decision) => `${decision.team}:${decision.reason}`)
      .sort();

  beforeAll(async () => {
    venue = await startVenue();
    token = await organiserToken(venue);
    stage = await createRegionalStage(venue, token);
    maze = stage.categories['Лабиринт 3–4'];
    // One category open to grades 1–6: its teams fall into the 1–2 and 3–4 age groups.
    open = (
      await post('/api/categories', {
        stageId: stage.stageId,
        discipline: 'maze',
        preset: 'maze-default',
        name: 'Лабиринт ашық',
        ageGroup: { label: '1–6', minGrade: 1, maxGrade: 6 },
      }).expect(201)
    ).body.id;
    republicId = (
      await post('/api/stages', {
        olympiadId: stage.olympiadId,
        kind: 'republic',
        name: 'Республикалық кезең',
        startsOn: '2027-03-20',
        endsOn: '2027-03-21',
      }).expect(201)
    ).body.id;
    const school = (
      await post('/api/schools', { name: 'Ақтөбе №21 мектеп', regionCode: 'aktobe' }).expect(201)
    ).body;
    const entries: [string, string, number, number | null][] = [
      [maze, 'Барыс', 4, 45_000],
      [maze, 'Қыран', 4, 48_000],
      [maze, 'Шағала', 3, 52_000],
      [maze, 'Түлкі', 4, 60_000],
      [maze, 'Бүркіт', 3, null],
      [open, 'Жұлдыз', 2, 40_000],
      [open, 'Ай', 2, 50_000],
      [open, 'Күн', 4, 45_000],
      [open, 'Таң', 4, 55_000],
    ];
    for (const [categoryId, name, grade] of entries) {
      teams[name] = (
        await post('/api/teams', {
          stageId: stage.stageId,
          schoolId: school.id,
          categoryId,
          name,
          members: [{ name: `${name} Әлиев`, grade }],
        }).expect(201)
      ).body.id;
    }
    const judge = (
      await post('/api/judges', {
        stageId: stage.stageId,
        name: 'Асқар',
        role: 'judge',
        categoryIds: [maze, open],
      }).expect(201)
    ).body;
    await request(venue.url)
      .patch(`/api/stages/${stage.stageId}`)
      .set(auth())
      .send({ status: 'live' })
      .expect(200);
    const judgeAuth = {
      Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, judge.pin)}`,
    };
    for (const [categoryId, name, , time] of entries) {
      await request(venue.url)
        .post('/api/ledger')
        .set(judgeAuth)
        .send(mazeAttempt({ categoryId }, teams[name], 1, time))
        .expect(201);
    }
  });
  afterAll(() => venue.stop());

  it('top N per category, or per category and age group', async () => {
    expect(
      qualified(
        await preview({ rule: rule({ mode: 'top-n', n: 2 }, { kind: 'finished' }, false) }),
      ),
    ).toEqual(['Барыс:top-n', 'Қыран:top-n', 'Жұлдыз:top-n', 'Күн:top-n'].sort());
    // Per age group, the open category's 1–2 and 3–4 teams each get their own top 1.
    expect(qualified(await preview({ rule: rule({ mode: 'top-n', n: 1 }) }))).toEqual(
      ['Барыс:top-n', 'Жұлдыз:top-n', 'Күн:top-n'].sort(),
    );
    expect(
      qualified(
        await preview({ rule: rule({ mode: 'top-n', n: 1 }, { kind: 'finished' }, false) }),
      ),
    ).toEqual(['Барыс:top-n', 'Жұлдыз:top-n'].sort());
  });

  it('top % of the teams that took part, rounded up', async () => {
    // Лабиринт 3–4: 5 took part, 50 % → 3 places; the open category's age groups: 2 each → 1.
    const decisions = await preview({ rule: rule({ mode: 'top-percent', percent: 50 }) });
    expect(qualified(decisions)).toEqual(
      [
        'Барыс:top-percent',
        'Қыран:top-percent',
        'Шағала:top-percent',
        'Жұлдыз:top-percent',
        'Күн:top-percent',
      ].sort(),
    );
    expect(decisions['Түлкі']).toMatchObject({ qualified: false, reason: 'outside-selection' });
  });

  it('a threshold every qualifier must meet: a time at most, a finished attempt', async () => {
    const decisions = await preview({
      rule: rule({ mode: 'top-n', n: 4 }, { kind: 'max-primary', value: 50_000 }),
    });
    expect(decisions['Барыс']).toMatchObject({ qualified: true });
    expect(decisions['Қыран']).toMatchObject({ qualified: true });
    expect(decisions['Шағала']).toMatchObject({ qualified: false, reason: 'below-threshold' });
    expect(decisions['Түлкі']).toMatchObject({ qualified: false, reason: 'below-threshold' });
    const finished = await preview({ rule: rule({ mode: 'top-n', n: 5 }) });
    expect(finished['Түлкі']).toMatchObject({ qualified: true });
    expect(finished['Бүркіт']).toMatchObject({ qualified: false });
  });

  it('a wildcard with its reason beyond the rule, and none without a reason', async () => {
    const decisions = await preview({
      rule: rule({ mode: 'top-n', n: 2 }),
      wildcards: [{ categoryId: maze, teamId: teams['Түлкі'], reason: 'Ең жас команда' }],
    });
    expect(decisions['Түлкі']).toMatchObject({ qualified: true, reason: 'wildcard' });
    expect(decisions['Түлкі'].message).toContain('Ең жас команда');
    await post(`/api/stages/${stage.stageId}/qualification/preview`, {
      rule: rule({ mode: 'top-n', n: 2 }),
      wildcards: [{ categoryId: maze, teamId: teams['Түлкі'], reason: '' }],
    }).expect(400);
  });

  it('keeps the rule of the entry with the republic stage and states it on the public qualifiers list', async () => {
    await request(venue.url)
      .patch(`/api/stages/${stage.stageId}`)
      .set(auth())
      .send({ status: 'closed' })
      .expect(200);
    const wildcards = [{ categoryId: maze, teamId: teams['Түлкі'], reason: 'Ең жас команда' }];
    await post(`/api/stages/${stage.stageId}/qualification/enter`, {
      targetStageId: republicId,
      rule: rule({ mode: 'top-percent', percent: 50 }),
      wildcards,
    }).expect(200);
    for (const categoryId of [maze, open])
      await post(`/api/categories/${categoryId}/publish`, {}).expect(200);
    await request(venue.url)
      .patch(`/api/stages/${republicId}`)
      .set(auth())
      .send({ status: 'live' })
      .expect(200);
    const republic = (await request(venue.url).get('/api/public/stages').expect(200)).body.find(
      (candidate: { kind: string }) => candidate.kind === 'republic',
    ).code as string;
    const listOf = async (code: string) =>
      (await request(venue.url).get(`/api/public/stages/${code}/qualifiers`).expect(200))
        .body as PublicQualifier[];

    for (const code of [stage.stageCode, republic]) {
      const list = await listOf(code);
      expect(list.map((entry) => entry.team).sort()).toEqual(
        ['Барыс', 'Қыран', 'Шағала', 'Түлкі', 'Жұлдыз', 'Күн'].sort(),
      );
      for (const entry of list) {
        expect(entry.rule).toEqual({
          kk: 'үздік 50 %, әр санат пен жас тобында, нәтижесі бар (лабиринт: мәреге жеткен талпыныс)',
          ru: 'лучшие 50 %, в каждой категории и возрастной группе, с результатом (лабиринт: законченная попытка)',
          en: 'top 50 %, per category and age group, with a result (maze: a finished attempt)',
        });
      }
      expect(list.find((entry) => entry.team === 'Түлкі')?.reason).toBe('wildcard');
    }

    // The same rule again (a wildcard added later, say) keeps stating it for every entry.
    await post(`/api/stages/${stage.stageId}/qualification/enter`, {
      targetStageId: republicId,
      rule: rule({ mode: 'top-percent', percent: 50 }),
      wildcards,
    }).expect(200);
    for (const entry of await listOf(republic)) expect(entry.rule?.en).toMatch(/^top 50 %/);

    // Run again under another rule: nobody is entered twice, and the latest rule is stated for the
    // entries it let through, not for those the earlier rule did: Шағала (0:52.00) did not come
    // in by "time at most 0:50.00".
    await post(`/api/stages/${stage.stageId}/qualification/enter`, {
      targetStageId: republicId,
      rule: rule({ mode: 'top-n', n: 3 }, { kind: 'max-primary', value: 50_000 }, false),
    }).expect(200);
    // Ай (0:50.00, 3rd of the open category as a whole) goes through now; the others were there.
    const again = await listOf(republic);
    expect(again.map((entry) => entry.team).sort()).toEqual(
      ['Барыс', 'Қыран', 'Шағала', 'Түлкі', 'Жұлдыз', 'Күн', 'Ай'].sort(),
    );
    const ai = again.find((entry) => entry.team === 'Ай');
    expect(ai?.rule?.en).toBe('top 3 places, per category, time at most 0:50.00');
    expect(ai?.rule?.ru).toBe('первые 3 места, в каждой категории, время не больше 0:50.00');
    for (const entry of again.filter((candidate) => candidate.team !== 'Ай'))
      expect(entry.rule).toBeNull();
  });
});
