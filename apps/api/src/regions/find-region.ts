import type { Region } from '@olympiad/contracts';
import { searchKey } from '@olympiad/i18n';
import { REGION_ALIASES } from './region-aliases';

const OBLAST_WORDS = new Set([
  'облысы',
  'облыс',
  'область',
  'области',
  'обл',
  'oblysy',
  'oblys',
  'oblast',
  'obl',
  'region',
  'province',
]);
const CITY_WORDS = new Set([
  'г',
  'гор',
  'город',
  'каласы',
  'кала',
  'к',
  'city',
  'gorod',
  'g',
  'qalasy',
  'kalasy',
]);
/** "Актюбинской", "Актюбинскую" → "Актюбинская": the case a sentence put the adjective in. */
const ADJECTIVE_ENDING = /(ск|цк)(ой|ую|ого|ом|ая)$/;

export interface RegionName {
  /** The name's letters and digits, lowercase, Kazakh letters folded, without spaces or region words. */
  key: string;
  /** Whether it said "облысы / область / обл. / region". */
  saysOblast: boolean;
}

/**
 * The form two region names are compared in: `searchKey` (case, ё/е, Kazakh letters, punctuation,
 * dashes), then without the words for "region" and "city", Russian adjective endings as in the
 * nominative, and no spaces ("Восточно Казахстанская" = "Восточно-Казахстанская").
 */
export function normaliseRegionName(text: string): RegionName {
  const split = searchKey(text).split(' ').filter(Boolean);
  // "В.К.О." is the abbreviation ВКО, not the words "в", "к" (қаласы) and "о".
  const words =
    split.length > 1 && split.every((word) => word.length === 1) ? [split.join('')] : split;
  const saysOblast = words.some((word) => OBLAST_WORDS.has(word));
  const key = words
    .filter((word) => !OBLAST_WORDS.has(word) && !CITY_WORDS.has(word))
    .map((word) => word.replace(ADJECTIVE_ENDING, '$1ая'))
    .join('');
  return { key, saysOblast };
}

interface Alias {
  text: string;
  key: string;
  region: Region;
}

const indexOf = new WeakMap<
  readonly Region[],
  { byKey: Map<string, Region[]>; aliases: Alias[] }
>();

/** The official names of `regions` first (a suggestion prefers them), then REGION_ALIASES. */
function aliasIndex(regions: readonly Region[]) {
  let index = indexOf.get(regions);
  if (index) return index;
  const aliases: Alias[] = [];
  const add = (region: Region, text: string) => {
    const { key } = normaliseRegionName(text);
    if (key && !aliases.some((alias) => alias.key === key && alias.region === region))
      aliases.push({ text, key, region });
  };
  for (const language of ['ru', 'kk', 'en'] as const)
    for (const region of regions) add(region, region.name[language]);
  for (const region of regions) add(region, region.code);
  for (const region of regions) add(region, region.centre);
  for (const region of regions)
    for (const text of REGION_ALIASES[region.code] ?? []) add(region, text);
  const byKey = new Map<string, Region[]>();
  for (const alias of aliases)
    byKey.set(alias.key, [...(byKey.get(alias.key) ?? []), alias.region]);
  index = { byKey, aliases };
  indexOf.set(regions, index);
  return index;
}

/**
 * The region a school wrote, in any form of REGION_ALIASES or the official names. One name for two
 * regions ("Алматы": the city and the oblast) is the oblast if the text says so, else the city.
 */
export function findRegion(regions: readonly Region[], value: string): Region | null {
  const { key, saysOblast } = normaliseRegionName(value);
  if (!key) return null;
  const matches = [...new Set(aliasIndex(regions).byKey.get(key) ?? [])];
  if (matches.length <= 1) return matches[0] ?? null;
  return matches.find((region) => region.kind === (saysOblast ? 'oblast' : 'city')) ?? matches[0];
}

/** Levenshtein distance: insertions, deletions and substitutions of one letter each. */
export function editDistance(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution = previous[j - 1] + (left[i - 1] === right[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length];
}

/** How many typing mistakes a name of this length may hold and still be suggested. */
export const suggestionThreshold = (length: number) =>
  length < 4 ? 0 : length <= 6 ? 1 : length <= 12 ? 2 : 3;

export interface RegionSuggestion {
  region: Region;
  /** The alias or official name it is nearest to, as written in the table. */
  text: string;
  distance: number;
}

/**
 * The region a name nobody uses is nearest to ("Актюбинскя обл." → "Актюбинская область"), or
 * null when nothing is within `suggestionThreshold` of the normalised name; short names (ВКО)
 * are never guessed at.
 */
export function suggestRegion(regions: readonly Region[], value: string): RegionSuggestion | null {
  const { key, saysOblast } = normaliseRegionName(value);
  const allowed = suggestionThreshold(Array.from(key).length);
  if (allowed === 0) return null;
  // As findRegion: "Алмата обл." is near Almaty region, "Алмата" near the city.
  const meant = (region: Region) => region.kind === (saysOblast ? 'oblast' : 'city');
  let best: RegionSuggestion | null = null;
  for (const alias of aliasIndex(regions).aliases) {
    if (Math.abs(Array.from(alias.key).length - Array.from(key).length) > allowed) continue;
    const distance = editDistance(key, alias.key);
    if (distance > allowed) continue;
    // Only a name that, written as suggested, is that region ("Алматы" alone is the city).
    if (findRegion(regions, alias.text) !== alias.region) continue;
    const nearer = !best || distance < best.distance;
    const sameButMeant =
      best && distance === best.distance && meant(alias.region) && !meant(best.region);
    if (nearer || sameButMeant) best = { region: alias.region, text: alias.text, distance };
  }
  return best;
}
