import { Link, StatusBanner, useLanguage } from '@olympiad/ui';
import { useJudge } from '../app/judge-context';
import { paths } from '../app/judge-routes';
import { OutboxItemActions, OutboxItemStatus } from './outbox-item-status';
import { useOutboxState } from './use-outbox';

/** Every entry of this tablet the server has not acknowledged yet, with why it waits. */
export function OutboxPage() {
  const { t } = useLanguage();
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
            <li
              key={item.id}
              className={`outbox-item outbox-item--${item.state}`}
              data-outbox={item.id}
            >
              <div>
                <strong>{item.label}</strong>
                <OutboxItemStatus item={item} time />
              </div>
              <OutboxItemActions item={item} outbox={outbox} />
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{t('judge.outbox.explain')}</p>
    </section>
  );
}
