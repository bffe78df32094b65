import { REGIONS } from '@olympiad/contracts';
import {
  editDistance,
  findRegion,
  normaliseRegionName,
  suggestRegion,
  suggestionThreshold,
} from './find-region';
import { REGION_ALIASES } from './region-aliases';

const codeOf = (text: string) => findRegion(REGIONS, text)?.code ?? null;

describe('REGION_ALIASES', () => {
  const rows = Object.entries(REGION_ALIASES).flatMap(([code, aliases]) =>
    aliases.map((alias) => [alias, code] as const),
  );

  it('has a row for every region and names no region that does not exist', () => {
    expect(Object.keys(REGION_ALIASES).sort()).toEqual(REGIONS.map((region) => region.code).sort());
  });

  it.each(rows)('alias %s is %s', (alias, code) => {
    // "Алматы …" names the city and the oblast; the oblast's aliases say "облысы" to be told apart.
    expect(codeOf(code === 'almaty-region' ? `${alias} облысы` : alias)).toBe(code);
  });

  it.each(
    REGIONS.flatMap((region) =>
      [region.name.kk, region.name.ru, region.name.en, region.code].map(
        (name) => [name, region.code] as const,
      ),
    ),
  )('official name %s is %s', (name, code) => {
    expect(codeOf(name)).toBe(code);
  });

  it('gives no two regions the same name, but for Almaty the city and Almaty oblast', () => {
    const owners = new Map<string, Set<string>>();
    for (const region of REGIONS) {
      for (const text of [
        region.name.kk,
        region.name.ru,
        region.name.en,
        region.centre,
        ...REGION_ALIASES[region.code],
      ]) {
        const { key } = normaliseRegionName(text);
        owners.set(key, new Set([...(owners.get(key) ?? []), region.code]));
      }
    }
    const shared = [...owners.entries()]
      .filter(([, codes]) => codes.size > 1)
      .map(([key, codes]) => [key, [...codes].sort()]);
    expect(shared).toEqual([
      ['алматы', ['almaty', 'almaty-region']],
      ['almaty', ['almaty', 'almaty-region']],
    ]);
  });
});

describe('findRegion: the forms people write', () => {
  it.each([
    ['Улытауская область', 'ulytau'],
    ['Ұлытау облысы', 'ulytau'],
    ['область Ұлытау', 'ulytau'],
    ['Жезказган', 'ulytau'],
    ['Жезказганская обл.', 'ulytau'],
    ['ВКО', 'east-kazakhstan'],
    ['вко', 'east-kazakhstan'],
    ['В.К.О.', 'east-kazakhstan'],
    ['ШҚО', 'east-kazakhstan'],
    ['Восточно Казахстанская обл', 'east-kazakhstan'],
    ['ВОСТОЧНО–КАЗАХСТАНСКАЯ ОБЛАСТЬ', 'east-kazakhstan'],
    ['СКО', 'north-kazakhstan'],
    ['Северо-Казахстанской области', 'north-kazakhstan'],
    ['ЗКО', 'west-kazakhstan'],
    ['БҚО', 'west-kazakhstan'],
    ['ЮКО', 'turkistan'],
    ['Южно-Казахстанская область', 'turkistan'],
    ['Оңтүстік Қазақстан облысы', 'turkistan'],
    ['Туркестанская обл.', 'turkistan'],
    ['Turkestan region', 'turkistan'],
    ['Семей', 'abai'],
    ['Семипалатинская область', 'abai'],
    ['Абайская обл.', 'abai'],
    ['Abay oblysy', 'abai'],
    ['Талдыкорган', 'jetisu'],
    ['Жетысуская область', 'jetisu'],
    ['Zhetysu Region', 'jetisu'],
    ['Актюбинская обл.', 'aktobe'],
    ['Ақтөбе облысы', 'aktobe'],
    ['Aqtobe', 'aktobe'],
    ['aktobe', 'aktobe'],
    ['Алматинская область', 'almaty-region'],
    ['Алматы облысы', 'almaty-region'],
    ['Almaty Region', 'almaty-region'],
    ['г. Алматы', 'almaty'],
    ['Алматы қаласы', 'almaty'],
    ['Алматы', 'almaty'],
    ['Алма-Ата', 'almaty'],
    ['Astana city', 'astana'],
    ['г.Астана', 'astana'],
    ['Нур-Султан', 'astana'],
    ['Астана қ.', 'astana'],
    ['Шымкент қаласы', 'shymkent'],
    ['город Шымкент', 'shymkent'],
    ['Chimkent', 'shymkent'],
    ['Қарағанды облысы', 'karaganda'],
    ['Карагандинская обл', 'karaganda'],
    ['Qaraghandy oblysy', 'karaganda'],
    ['Zhambyl region', 'jambyl'],
    ['Мангистауская область', 'mangystau'],
    ['Маңғыстау облысы', 'mangystau'],
    ['Костанайская обл.', 'kostanay'],
    ['Кызылординская область', 'kyzylorda'],
    ['Павлодар облысы', 'pavlodar'],
    ['Атырауская обл', 'atyrau'],
    ['Акмолинская область', 'akmola'],
    ['Ёлка', null],
    ['Московская область', null],
    ['обл.', null],
    ['', null],
  ])('%s → %s', (text, code) => {
    expect(codeOf(text)).toBe(code);
  });
});

describe('normaliseRegionName', () => {
  it('drops case, ё, Kazakh letters, dashes, punctuation, spaces and the words for region and city', () => {
    expect(normaliseRegionName('  Шығыс-Қазақстан   ОБЛЫСЫ ')).toEqual({
      key: 'шыгысказакстан',
      saysOblast: true,
    });
    expect(normaliseRegionName('Восточно – Казахстанская обл.')).toEqual({
      key: 'восточноказахстанская',
      saysOblast: true,
    });
    expect(normaliseRegionName('г. Алматы')).toEqual({ key: 'алматы', saysOblast: false });
    expect(normaliseRegionName('Семёновская')).toEqual({ key: 'семеновская', saysOblast: false });
    expect(normaliseRegionName('Актюбинской')).toEqual(normaliseRegionName('Актюбинская'));
    expect(normaliseRegionName('Astana city')).toEqual({ key: 'astana', saysOblast: false });
  });
});

describe('suggestRegion and editDistance', () => {
  it('measures insertions, deletions and substitutions', () => {
    expect(editDistance('актобе', 'актобе')).toBe(0);
    expect(editDistance('актюбинскя', 'актюбинская')).toBe(1);
    expect(editDistance('караганда', 'карагнада')).toBe(2);
    expect(editDistance('', 'ско')).toBe(3);
    expect(editDistance('қыран', 'кыран')).toBe(1);
  });

  it('allows more mistakes in a longer name and none in an abbreviation', () => {
    expect([3, 4, 6, 7, 12, 13].map(suggestionThreshold)).toEqual([0, 1, 1, 2, 2, 3]);
  });

  it.each([
    ['Актюбинскя обл.', 'aktobe', 'Актюбинская область'],
    ['Карагнадинская область', 'karaganda', 'Карагандинская область'],
    ['Павладар', 'pavlodar', 'Павлодар облысы'],
    ['Улытаусакя область', 'ulytau', 'Улытауская'],
    ['Shymkentt', 'shymkent', 'Shymkent'],
  ])('%s is near %s (“%s”)', (text, code, alias) => {
    expect(codeOf(text)).toBeNull();
    expect(suggestRegion(REGIONS, text)).toMatchObject({ region: { code }, text: alias });
  });

  it.each([
    ['Алмата обл.', 'almaty-region'],
    ['Алмааты облысы', 'almaty-region'],
    ['Almatyy region', 'almaty-region'],
    ['Алмата', 'almaty'],
    ['Алмааты', 'almaty'],
    ['Almatyy', 'almaty'],
    ['г. Алмата', 'almaty'],
  ])(
    '%s: Almaty city or region as the text says, in a form that reads back as %s',
    (text, code) => {
      const suggestion = suggestRegion(REGIONS, text);
      expect(suggestion?.region.code).toBe(code);
      expect(codeOf(suggestion?.text ?? '')).toBe(code);
    },
  );

  it.each(['Московская область', 'ВКА', 'Нью-Йорк', 'Мектеп №1', 'Абв'])(
    'suggests nothing for %s',
    (text) => {
      expect(suggestRegion(REGIONS, text)).toBeNull();
    },
  );
});
