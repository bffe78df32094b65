import { compareNames, type MessageKey } from '@olympiad/i18n';
import { Link, StatusBanner, useLanguage } from '@olympiad/ui';
import { useJudge } from '../app/judge-context';
import { paths } from '../app/judge-routes';
import { useHeldEntries } from '../head-judge/use-held-entries';
import type { JudgeMe } from '@olympiad/contracts';
import './assignments.css';

const disciplineKeys: Record<string, MessageKey> = {
  maze: 'discipline.maze',
  sumo: 'discipline.sumo',
  programming: 'discipline.programming',
  creative: 'discipline.creative',
};

/** The categories and fields this judge may score; scoring screens come from here. */
export function AssignmentsPage({ me }: { me: JudgeMe }) {
  const { lang, t } = useLanguage();
  const { online } = useJudge();
  const head = me.judge.role === 'head-judge';
  const held = useHeldEntries(head);
  const firstHeld = held.open[0];
  const discipline = (name: string) => (disciplineKeys[name] ? t(disciplineKeys[name]) : name);
  const categories = [...me.assignments.categories].sort((a, b) =>
    compareNames(a.name, b.name, lang),
  );
  const fields = [...me.assignments.fields].sort((a, b) => compareNames(a.name, b.name, lang));

  return (
    <section aria-labelledby="assignments-title">
      <h2 id="assignments-title">{t('judge.assignments.title')}</h2>
      {!online ? <StatusBanner kind="offline">{t('judge.offlineCached')}</StatusBanner> : null}
      {firstHeld ? (
        <StatusBanner
          kind="info"
          action={
            <Link
              className="ui-button ui-button--secondary"
              href={paths.review(firstHeld.categoryId)}
            >
              {t('judge.review.open')}
            </Link>
          }
        >
          {t('judge.held.waiting', { count: held.open.length })}
        </StatusBanner>
      ) : null}
      {categories.length === 0 && fields.length === 0 ? (
        <StatusBanner kind="info">{t('judge.assignments.none')}</StatusBanner>
      ) : null}
      <p>
        <Link className="ui-button ui-button--secondary" href={paths.sheet()}>
          {t('judge.sheet.open')}
        </Link>
      </p>
      <div className="assignments">
        {categories.length > 0 ? (
          <div>
            <h3>{t('common.categories')}</h3>
            <ul className="tiles">
              {categories.map((category) => (
                <li key={category.id} className="tile tile--action">
                  <Link className="tile__link" href={paths.category(category.id)}>
                    <span className="tile__name">{category.name}</span>
                    <span className="tile__meta">
                      {discipline(category.discipline)} ·{' '}
                      {t('ageGroup.grades', { label: category.ageGroup })}
                    </span>
                  </Link>
                  {head ? (
                    <Link
                      className="ui-button ui-button--secondary tile__review"
                      href={paths.review(category.id)}
                    >
                      {t('judge.review.open')}
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {fields.length > 0 ? (
          <div>
            <h3>{t('common.fields')}</h3>
            <ul className="tiles">
              {fields.map((field) => {
                const here = categories.filter((c) => c.discipline === field.discipline);
                if (here.length === 0) {
                  return (
                    <li key={field.id} className="tile">
                      <span className="tile__name">{field.name}</span>
                      <span className="tile__meta">
                        {discipline(field.discipline)} · {t('judge.assignments.fieldNoCategory')}
                      </span>
                    </li>
                  );
                }
                // A field opens the scoring screen of the category judged there, at this field;
                // with several, each is its own link.
                return (
                  <li key={field.id} className="tile tile--action tile--field">
                    {here.length === 1 ? (
                      <Link
                        className="tile__go"
                        href={paths.category(here[0].id, { field: field.id })}
                      >
                        <span className="tile__name">{field.name}</span>
                        <span className="tile__meta">
                          {discipline(field.discipline)} · {here[0].name}
                        </span>
                      </Link>
                    ) : (
                      <div className="tile__field">
                        <span className="tile__name">{field.name}</span>
                        <span className="tile__meta">{discipline(field.discipline)}</span>
                        <span className="tile__choices">
                          {here.map((category) => (
                            <Link
                              key={category.id}
                              className="ui-button ui-button--secondary"
                              href={paths.category(category.id, { field: field.id })}
                            >
                              {category.name}
                            </Link>
                          ))}
                        </span>
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
