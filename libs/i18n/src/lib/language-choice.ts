import { DEFAULT_LANG, type Lang, parseLang } from './languages';

/** Where a language choice can come from; the caller reads them (URL, storage, navigator). */
export interface LanguageHints {
  /** An explicit request, e.g. `?lang=ru` on a hall screen's URL. */
  requested?: string | null;
  /** What the user picked last time on this device. */
  stored?: string | null;
  /** The device's preferred languages, most preferred first (navigator.languages). */
  preferred?: readonly string[];
}

/**
 * Picks the language: an explicit request, then the stored choice, then the device's first
 * Kazakh or Russian preference, then Kazakh. A device set to English does not switch the app to
 * English by itself: venue tablets often ship in English while the olympiad runs in Kazakh, so
 * English is used only when someone picks it.
 */
export function chooseLanguage(hints: LanguageHints): Lang {
  const requested = parseLang(hints.requested);
  if (requested) return requested;
  const stored = parseLang(hints.stored);
  if (stored) return stored;
  for (const candidate of hints.preferred ?? []) {
    const lang = parseLang(candidate);
    if (lang === 'kk' || lang === 'ru') return lang;
  }
  return DEFAULT_LANG;
}

/** The part of Web Storage the language store needs; any key-value store will do. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const LANGUAGE_STORAGE_KEY = 'olympiad.lang';

/** Reads and writes the user's language; a store that throws (private mode, quota) is ignored. */
export function createLanguageStore(
  store: KeyValueStore | null | undefined,
  key = LANGUAGE_STORAGE_KEY,
) {
  return {
    read(): Lang | null {
      try {
        return parseLang(store?.getItem(key));
      } catch {
        return null;
      }
    },
    write(lang: Lang): void {
      try {
        store?.setItem(key, lang);
      } catch {
        // Storage unavailable: the choice lasts for this page only.
      }
    },
  };
}
