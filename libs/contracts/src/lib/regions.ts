import { z } from 'zod';

export const regionSchema = z.object({
  code: z.string(),
  kind: z.enum(['oblast', 'city']),
  name: z.object({ kk: z.string(), ru: z.string(), en: z.string() }),
  centre: z.string(),
});
export type Region = z.infer<typeof regionSchema>;

/** The 17 oblasts and 3 cities of republican significance (copied from the reference data). */
// prettier-ignore
export const REGIONS: readonly Region[] = [
  { code: 'abai', kind: 'oblast', name: { kk: 'Абай облысы', ru: 'Абайская область', en: 'Abai Region' }, centre: 'Semey' },
  { code: 'akmola', kind: 'oblast', name: { kk: 'Ақмола облысы', ru: 'Акмолинская область', en: 'Akmola Region' }, centre: 'Kokshetau' },
  { code: 'aktobe', kind: 'oblast', name: { kk: 'Ақтөбе облысы', ru: 'Актюбинская область', en: 'Aktobe Region' }, centre: 'Aktobe' },
  { code: 'almaty-region', kind: 'oblast', name: { kk: 'Алматы облысы', ru: 'Алматинская область', en: 'Almaty Region' }, centre: 'Konaev' },
  { code: 'atyrau', kind: 'oblast', name: { kk: 'Атырау облысы', ru: 'Атырауская область', en: 'Atyrau Region' }, centre: 'Atyrau' },
  { code: 'east-kazakhstan', kind: 'oblast', name: { kk: 'Шығыс Қазақстан облысы', ru: 'Восточно-Казахстанская область', en: 'East Kazakhstan Region' }, centre: 'Oskemen' },
  { code: 'jambyl', kind: 'oblast', name: { kk: 'Жамбыл облысы', ru: 'Жамбылская область', en: 'Jambyl Region' }, centre: 'Taraz' },
  { code: 'jetisu', kind: 'oblast', name: { kk: 'Жетісу облысы', ru: 'Область Жетісу', en: 'Jetisu Region' }, centre: 'Taldykorgan' },
  { code: 'west-kazakhstan', kind: 'oblast', name: { kk: 'Батыс Қазақстан облысы', ru: 'Западно-Казахстанская область', en: 'West Kazakhstan Region' }, centre: 'Oral' },
  { code: 'karaganda', kind: 'oblast', name: { kk: 'Қарағанды облысы', ru: 'Карагандинская область', en: 'Karaganda Region' }, centre: 'Karaganda' },
  { code: 'kostanay', kind: 'oblast', name: { kk: 'Қостанай облысы', ru: 'Костанайская область', en: 'Kostanay Region' }, centre: 'Kostanay' },
  { code: 'kyzylorda', kind: 'oblast', name: { kk: 'Қызылорда облысы', ru: 'Кызылординская область', en: 'Kyzylorda Region' }, centre: 'Kyzylorda' },
  { code: 'mangystau', kind: 'oblast', name: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область', en: 'Mangystau Region' }, centre: 'Aktau' },
  { code: 'pavlodar', kind: 'oblast', name: { kk: 'Павлодар облысы', ru: 'Павлодарская область', en: 'Pavlodar Region' }, centre: 'Pavlodar' },
  { code: 'north-kazakhstan', kind: 'oblast', name: { kk: 'Солтүстік Қазақстан облысы', ru: 'Северо-Казахстанская область', en: 'North Kazakhstan Region' }, centre: 'Petropavl' },
  { code: 'turkistan', kind: 'oblast', name: { kk: 'Түркістан облысы', ru: 'Туркестанская область', en: 'Turkistan Region' }, centre: 'Turkistan' },
  { code: 'ulytau', kind: 'oblast', name: { kk: 'Ұлытау облысы', ru: 'Область Ұлытау', en: 'Ulytau Region' }, centre: 'Zhezkazgan' },
  { code: 'astana', kind: 'city', name: { kk: 'Астана', ru: 'Астана', en: 'Astana' }, centre: 'Astana' },
  { code: 'almaty', kind: 'city', name: { kk: 'Алматы', ru: 'Алматы', en: 'Almaty' }, centre: 'Almaty' },
  { code: 'shymkent', kind: 'city', name: { kk: 'Шымкент', ru: 'Шымкент', en: 'Shymkent' }, centre: 'Shymkent' },
];

export const REGION_CODES: readonly string[] = REGIONS.map((region) => region.code);
