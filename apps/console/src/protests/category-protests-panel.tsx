import { routes, type Category } from '@olympiad/contracts';
import { formatClockTime, type MessageKey } from '@olympiad/i18n';
import {
  Button,
  describeError,
  QueryStatus,
  StatusBanner,
  useLanguage,
  useQuery,
  type ApiClient,
} from '@olympiad/ui';
import { useState } from 'react';
import { WriteZone } from '../session/write-zone';
import type { TokenSource } from '../transfer/file-transfer';
import { ProtestPhotos } from './protest-photos';

/**
 * A category's protests and their decisions, and the lock of its results: disabled while a protest
 * is open, with the reason and the way to the open ones (the server refuses the lock too).
 */
export function CategoryProtestsPanel({
  api,
  getToken,
  category,
  onChanged,
}: {
  api: ApiClient;
  getToken: TokenSource;
  category: Category;
  onChanged: () => void;
}) {
  const { lang, t } = useLanguage();
  const protests = useQuery(
    (signal) =>
      api.call(routes.protests.listForCategory, { params: { id: category.id } }, { signal }),
    [api, category.id, category.status],
  );
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const list = protests.data;
  const open = list?.open ?? 0;
  const locked = category.status === 'locked';

  async function toggleLock() {
    setBusy(true);
    setFailure(null);
    try {
      await api.call(routes.categories[locked ? 'unlock' : 'lock'], {
        params: { id: category.id },
      });
      onChanged();
    } catch (error) {
      setFailure(error);
      protests.reload();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="ui-card category-protests" aria-labelledby="category-protests-title">
      <h3 id="category-protests-title">{t('protests.title')}</h3>
      <div className="button-row">
        <WriteZone stageId={category.stageId} inline>
          <Button
            large
            variant={locked ? 'secondary' : 'primary'}
            busy={busy}
            // Until the protests are read, whether one is open is not known.
            disabled={!locked && (!list || open > 0)}
            aria-describedby={!locked && open > 0 ? 'lock-blocked' : undefined}
            onClick={() => void toggleLock()}
          >
            {t(locked ? 'console.protests.unlock' : 'console.protests.lock')}
          </Button>
        </WriteZone>
      </div>
      {!locked && open > 0 ? (
        <StatusBanner kind="error">
          <span id="lock-blocked">{t('console.protests.lockBlocked', { count: open })}</span>{' '}
          <a href="#category-protests-list">{t('console.protests.show')}</a>
        </StatusBanner>
      ) : null}
      {failure ? <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner> : null}
      {!list ? <QueryStatus query={protests} /> : null}
      {list && list.deadline ? (
        <p className="ui-muted">
          {t(list.accepting ? 'protests.until' : 'protests.closed', {
            time: formatClockTime(list.deadline, lang),
          })}
        </p>
      ) : null}
      {list && list.protests.length === 0 ? (
        <p className="ui-muted">{t('console.protests.none')}</p>
      ) : null}
      <ul id="category-protests-list" className="category-protests__list">
        {list?.protests.map((protest) => (
          <li key={protest.id} data-protest={protest.id}>
            <strong>{t(`protests.status.${protest.status}` as MessageKey)}</strong> ·{' '}
            {protest.teamName} ·{' '}
            {protest.target.kind === 'ranking'
              ? t('protests.target.ranking')
              : protest.target.kind === 'match'
                ? t('protests.target.match', { id: protest.target.matchId })
                : t('protests.target.entryId', { id: protest.target.entryId.slice(0, 8) })}
            <div>{protest.reason}</div>
            <div className="ui-muted">
              {t('protests.received', {
                who: protest.protestedBy,
                time: formatClockTime(protest.receivedAt, lang),
                judge: protest.recordedBy.name,
              })}
              {protest.attachments.length > 0
                ? ` · ${t('protests.photos', { count: protest.attachments.length })}`
                : ''}
            </div>
            <ProtestPhotos api={api} getToken={getToken} protest={protest} />
            {protest.decision ? (
              <div>
                {t('protests.decision', {
                  name: protest.decision.by.name,
                  time: formatClockTime(protest.decision.at, lang),
                  reason: protest.decision.reason,
                })}
                {protest.decision.correctionEntryId
                  ? ` · ${t('console.protests.correction', { id: protest.decision.correctionEntryId.slice(0, 8) })}`
                  : ''}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
