import { routes } from '@olympiad/contracts';
import {
  type ApiClient,
  Button,
  describeError,
  queryPending,
  QueryStatus,
  SelectField,
  StatusBanner,
  useLanguage,
  useQuery,
} from '@olympiad/ui';
import { useState } from 'react';

/** The sumo draw of a category (by the rules, teams of one school apart) and its printable groups or bracket. */
export function SumoTab({ api, stageId }: { api: ApiClient; stageId: string }) {
  const { lang, t } = useLanguage();
  const categories = useQuery(
    (signal) => api.call(routes.categories.list, { params: { stageId } }, { signal }),
    [api, stageId],
  );
  const sumo = (categories.data ?? []).filter((category) => category.discipline === 'sumo');
  const [picked, setPicked] = useState('');
  const categoryId = sumo.find((category) => category.id === picked)?.id ?? sumo[0]?.id ?? '';
  const bracket = useQuery(
    (signal) =>
      categoryId
        ? api.call(routes.sumoDraw.bracket, { params: { id: categoryId } }, { signal })
        : Promise.resolve(null),
    [api, categoryId],
  );
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const draw = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await api.call(routes.sumoDraw.draw, { params: { id: categoryId }, body: {} });
      bracket.reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  if (queryPending(categories)) return <QueryStatus query={categories} />;
  if (sumo.length === 0) return <StatusBanner kind="info">{t('console.sumo.none')}</StatusBanner>;

  const answer = bracket.data;
  const drawn = answer?.tournament.draw ?? null;
  const nameOf = (teamId: string | null) =>
    teamId ? (answer?.teams[teamId]?.name ?? teamId) : t('console.sumo.bye');
  const schoolOf = (teamId: string | null) => (teamId ? (answer?.teams[teamId]?.school ?? '') : '');
  return (
    <>
      <section className="ui-card no-print">
        <div className="form-grid">
          <SelectField
            label={t('console.sumo.category')}
            options={sumo.map((category) => ({ value: category.id, label: category.name }))}
            value={categoryId}
            onChange={setPicked}
          />
        </div>
        {failure ? <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner> : null}
        {bracket.status === 'error' ? (
          <StatusBanner kind="error">{describeError(lang, bracket.error)}</StatusBanner>
        ) : null}
        {drawn ? (
          <p className="ui-muted">{t('console.sumo.redrawHint')}</p>
        ) : (
          <StatusBanner kind="info">{t('console.sumo.notDrawn')}</StatusBanner>
        )}
        <div className="button-row">
          <Button
            large={!drawn}
            variant={drawn ? 'secondary' : 'primary'}
            busy={busy}
            onClick={() => void draw()}
          >
            {t(drawn ? 'console.sumo.redraw' : 'console.sumo.draw')}
          </Button>
          {drawn ? <Button onClick={() => window.print()}>{t('console.sumo.print')}</Button> : null}
        </div>
      </section>
      {drawn && answer ? (
        <section className="ui-card print-area bracket-sheet">
          <h3>{answer.categoryName}</h3>
          {drawn.seed !== null ? (
            <p className="ui-muted">{t('console.sumo.seed', { seed: drawn.seed })}</p>
          ) : null}
          {drawn.groups.length > 0 ? (
            <div className="group-grid">
              {drawn.groups.map((group, index) => (
                <table key={index} className="data-table group-table">
                  <caption>
                    {t('console.sumo.group', { name: String.fromCharCode(65 + index) })}
                  </caption>
                  <tbody>
                    {group.map((teamId, position) => (
                      <tr key={teamId}>
                        <td>{position + 1}</td>
                        <td>
                          <strong>{nameOf(teamId)}</strong>
                          <div className="ui-muted">{schoolOf(teamId)}</div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ))}
            </div>
          ) : null}
          {drawn.bracket.length > 0 ? (
            <>
              <h4>{t('console.sumo.bracket')}</h4>
              <ol className="bracket-list">
                {Array.from({ length: drawn.bracket.length / 2 }, (_, match) => (
                  <li key={match} className="bracket-match">
                    <span>{nameOf(drawn.bracket[match * 2])}</span>
                    <span className="bracket-match__vs">—</span>
                    <span>{nameOf(drawn.bracket[match * 2 + 1])}</span>
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
