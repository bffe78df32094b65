import { Link, useLanguage } from '@olympiad/ui';
import { STAFF_PATH } from './staff-page';

/** The way from the olympiads list to the staff accounts (administrators only). */
export function StaffEntry() {
  const { t } = useLanguage();
  return (
    <section className="ui-card staff-entry">
      <p className="ui-muted">{t('console.staff.entryHint')}</p>
      <Link className="ui-button ui-button--primary ui-button--large" href={STAFF_PATH}>
        {t('console.staff.title')}
      </Link>
    </section>
  );
}
