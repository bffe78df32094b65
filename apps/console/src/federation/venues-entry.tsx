import { Link, useLanguage } from '@olympiad/ui';
import { VENUES_PATH } from './venues-page';

/** The way from the olympiads list to the republic server's venues. */
export function VenuesEntry() {
  const { t } = useLanguage();
  return (
    <section className="ui-card venues-entry">
      <p className="ui-muted">{t('console.venues.entryHint')}</p>
      <Link className="ui-button ui-button--primary ui-button--large" href={VENUES_PATH}>
        {t('console.venues.title')}
      </Link>
    </section>
  );
}
