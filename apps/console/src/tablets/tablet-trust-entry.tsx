import { Link, useLanguage } from '@olympiad/ui';
import { TABLETS_PATH } from './tablet-trust-page';

/** The way from the olympiads list to the tablets' trust steps. */
export function TabletTrustEntry() {
  const { t } = useLanguage();
  return (
    <section className="ui-card tablet-trust-entry">
      <p className="ui-muted">{t('console.tablets.entryHint')}</p>
      <Link className="ui-button ui-button--primary ui-button--large" href={TABLETS_PATH}>
        {t('console.tablets.title')}
      </Link>
    </section>
  );
}
