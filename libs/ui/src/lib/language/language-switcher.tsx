import { LANGUAGE_NAMES, LANGUAGE_SHORT_NAMES, LANGUAGES } from '@olympiad/i18n';
import { useLanguage } from './language-context';

/** kk / ру / en as three toggle buttons; each names itself in its own language. */
export function LanguageSwitcher({ className }: { className?: string }) {
  const { lang, setLang, t } = useLanguage();
  return (
    <div
      role="group"
      aria-label={t('language.label')}
      className={['ui-lang', className].filter(Boolean).join(' ')}
    >
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          className="ui-lang__option"
          lang={option}
          aria-pressed={option === lang}
          aria-label={LANGUAGE_NAMES[option]}
          onClick={() => setLang(option)}
        >
          {LANGUAGE_SHORT_NAMES[option]}
        </button>
      ))}
    </div>
  );
}
