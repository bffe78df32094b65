import { createStageSchema, judgeSignInSchema, ledgerEntryInputSchema } from './rest';
import { REGIONS, REGION_CODES } from './regions';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('REST body schemas', () => {
  const stage = {
    olympiadId: uuid(1),
    kind: 'regional',
    regionCode: 'aktobe',
    name: 'Aktobe',
    startsOn: '2026-12-05',
    endsOn: '2026-12-06',
  };

  it('accept a regional stage with its region and refuse one without', () => {
    expect(createStageSchema.safeParse(stage).success).toBe(true);
    const noRegion = createStageSchema.safeParse({ ...stage, regionCode: undefined });
    expect(noRegion.success).toBe(false);
    expect(noRegion.error?.issues[0].path).toEqual(['regionCode']);
  });

  it('refuse a republic stage with a region, and a stage ending before it starts', () => {
    expect(createStageSchema.safeParse({ ...stage, kind: 'republic' }).success).toBe(false);
    const backwards = createStageSchema.safeParse({ ...stage, endsOn: '2026-12-01' });
    expect(backwards.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['endsOn']);
  });

  it('take a PIN of 4 to 8 digits only', () => {
    expect(judgeSignInSchema.safeParse({ stageCode: 'AKT-2026', pin: '0042' }).success).toBe(true);
    expect(judgeSignInSchema.safeParse({ stageCode: 'AKT-2026', pin: '12a4' }).success).toBe(false);
    expect(judgeSignInSchema.safeParse({ stageCode: 'AKT-2026', pin: '123' }).success).toBe(false);
  });

  it('require a reason on a correction and refuse unknown fields in a ledger entry', () => {
    const entry = {
      id: uuid(2),
      categoryId: uuid(3),
      teamId: uuid(4),
      kind: 'maze.attempt',
      payload: { attempt: 1 },
      recordedAt: '2026-12-05T09:30:00.000+05:00',
    };
    expect(ledgerEntryInputSchema.parse(entry)).toMatchObject({ supersedes: null, reason: null, deviceId: null });
    const correction = ledgerEntryInputSchema.safeParse({ ...entry, supersedes: uuid(5) });
    expect(correction.error?.issues[0].path).toEqual(['reason']);
    expect(ledgerEntryInputSchema.safeParse({ ...entry, supersedes: uuid(5), reason: 'video review' }).success).toBe(true);
    expect(ledgerEntryInputSchema.safeParse({ ...entry, score: 100 }).success).toBe(false);
  });
});

describe('regions', () => {
  it('are the 17 oblasts and 3 cities, each named in kk, ru and en', () => {
    expect(REGIONS.filter((region) => region.kind === 'oblast')).toHaveLength(17);
    expect(REGIONS.filter((region) => region.kind === 'city').map((region) => region.code).sort()).toEqual([
      'almaty',
      'astana',
      'shymkent',
    ]);
    expect(new Set(REGION_CODES).size).toBe(20);
    for (const region of REGIONS) {
      expect(region.name.kk && region.name.ru && region.name.en).toBeTruthy();
    }
  });
});
