import { Button, describeError, Link, StatusBanner, useLanguage } from '@olympiad/ui';
import { ApiError } from '@olympiad/ui';
import { useJudge } from '../app/judge-context';
import { paths } from '../app/judge-routes';
import { useOutboxState } from './use-outbox';

/** Every entry of this tablet the server has not acknowledged yet, with why it waits. */
export function OutboxPage() {
  const { lang, t } = useLanguage();
  const { outbox } = useJudge();
  const state = useOutboxState(outbox);
  return (
    <section aria-labelledby="outbox-title" className="screen">
      <p>
        <Link href={paths.home()}>← {t('common.back')}</Link>
      </p>
      <h2 id="outbox-title">{t('judge.outbox.title')}</h2>
      {state.items.length === 0 ? (
        <StatusBanner kind="success">{t('judge.outbox.empty')}</StatusBanner>
      ) : (
        <ul className="outbox-list">
          {state.items.map((item) => (
            <li key={item.id} className={`outbox-item outbox-item--${item.state}`}>
              <div>
                <strong>{item.label}</strong>
                <div className="muted">
                  {new Date(item.createdAt).toLocaleTimeString(lang)} ·{' '}
                  {item.state === 'pending' ? t('judge.outbox.waiting') : t('judge.outbox.held')}
                </div>
                {item.problem ? (
                  <div className="outbox-item__problem">
                    {describeError(
                      lang,
                      new ApiError(item.problem.status, item.problem.key, item.problem.message),
                    )}
                  </div>
                ) : null}
              </div>
              {item.state === 'held' ? (
                <Button variant="secondary" onClick={() => void outbox.retry(item.id)}>
                  {t('judge.outbox.sendAgain')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{t('judge.outbox.explain')}</p>
    </section>
  );
}
