import {
  chooseLanguage,
  createLanguageStore,
  type Lang,
  type MessageKey,
  type MessageParams,
  t as translate,
} from '@olympiad/i18n';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';

export interface LanguageContextValue {
  lang: Lang;
  /** Switches the language and remembers it on this device. */
  setLang: (lang: Lang) => void;
  /** `t(key, params)` in the current language. */
  t: (key: MessageKey, params?: MessageParams) => string;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The language the page starts in: `?lang=`, then the stored choice, then the device, then kk. */
export function initialLanguage(): Lang {
  if (typeof window === 'undefined') return chooseLanguage({});
  return chooseLanguage({
    requested: new URLSearchParams(window.location.search).get('lang'),
    stored: createLanguageStore(browserStorage()).read(),
    preferred: window.navigator.languages,
  });
}

export function LanguageProvider({ initial, children }: { initial?: Lang; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? initialLanguage());

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    createLanguageStore(browserStorage()).write(next);
    setLangState(next);
  }, []);

  const value = useMemo<LanguageContextValue>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

/**
 * A part of the page shown in a fixed language that the viewer did not choose (a hall screen
 * alternating Kazakh and Russian): nothing is remembered on the device.
 */
export function LanguageScope({ lang, children }: { lang: Lang; children: ReactNode }) {
  const outer = useContext(LanguageContext);
  const value = useMemo<LanguageContextValue>(
    () => ({
      lang,
      setLang: outer?.setLang ?? (() => undefined),
      t: (key, params) => translate(lang, key, params),
    }),
    [lang, outer?.setLang],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage() needs a <LanguageProvider> above it');
  return value;
}
