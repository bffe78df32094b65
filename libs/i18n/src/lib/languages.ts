/** The languages of the product. Kazakh is the default (docs/design.md#who-uses-it). */
export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'kk';

/** How each language names itself, for a language switcher. */
export const LANGUAGE_NAMES: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };
/** Short labels for a compact switcher. */
export const LANGUAGE_SHORT_NAMES: Record<Lang, string> = { kk: 'Қаз', ru: 'Рус', en: 'Eng' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** 'ru-RU' → 'ru', 'KK' → 'kk'; anything else → null. */
export function parseLang(value: string | null | undefined): Lang | null {
  if (!value) return null;
  const base = value.trim().toLowerCase().split(/[-_]/)[0];
  return isLang(base) ? base : null;
}
