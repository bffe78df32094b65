import { routes, type Team } from '@olympiad/contracts';
import type { MessageKey } from '@olympiad/i18n';
import { formatClockTime, matchesSearch, sortByName } from '@olympiad/i18n';
import { Button, describeError, QueryStatus, StatusBanner, TextField, useLanguage, useQuery } from '@olympiad/ui';
import { useState } from 'react';
import { HistoryButton } from '../activity/activity-link';
import { WriteZone } from '../session/write-zone';
import { ImportPanel } from '../registration/import-panel';
import type { ConsoleApi } from '../stage/console-context';

const SHOWN = 200;

/** Registration: the import, then every team by category with absent / withdraw / back in. */
export function TeamsTab({ console: consoleApi, stageId }: { console: ConsoleApi; stageId: string }) {
  const { lang, t } = useLanguage();
  const { api } = consoleApi;
  const teams = useQuery((signal) => api.call(routes.teams.list, { params: { stageId } }, { signal }), [api, stageId]);
  const categories = useQuery((signal) => api.call(routes.categories.list, { params: { stageId } }, { signal }), [api, stageId]);
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const setStatus = async (team: Team, status: Team['status']) => {
    setBusy(team.id);
    setFailure(null);
    try {
      await api.call(routes.teams.update, { params: { id: team.id }, body: { status } });
      teams.reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const checkIn = async (team: Team, checkedIn: boolean) => {
    setBusy(team.id);
    setFailure(null);
    try {
      await api.call(routes.teams.checkIn, { params: { id: team.id }, body: { checkedIn } });
      teams.reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const categoryName = new Map((categories.data ?? []).map((category) => [category.id, category.name]));
  const all = teams.data ?? [];
  const found = sortByName(
    all.filter((team) => matchesSearch(query, [team.name, team.school?.name ?? '', ...(team.members ?? []).map((member) => member.name)].join(' '))),
    (team) => team.name,
    lang,
  );

  return (
    <>
      <WriteZone stageId={stageId} hideWhenRefused>
        <ImportPanel console={consoleApi} stageId={stageId} onImported={teams.reload} />
      </WriteZone>
      <section className="ui-card">
        <h3>{t('console.teams.title', { count: all.length })}</h3>
        {all.length > 0 ? (
          <p className="ui-muted">{t('console.teams.checkedInCount', { count: all.filter((team) => team.checkedInAt).length, total: all.length })}</p>
        ) : null}
        <QueryStatus query={teams} />
        {failure ? <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner> : null}
        {teams.status === 'ready' && all.length === 0 ? <StatusBanner kind="info">{t('console.teams.empty')}</StatusBanner> : null}
        {all.length > 0 ? <TextField label={t('console.teams.search')} type="search" value={query} onChange={(event) => setQuery(event.target.value)} /> : null}
        {all.length > 0 && found.length === 0 ? <p>{t('console.teams.none', { query })}</p> : null}
        <ul className="plain-list team-list">
          {found.slice(0, SHOWN).map((team) => (
            <li key={team.id} className={`team-row team-row--${team.status}`}>
              <div className="team-row__text">
                <strong>{team.name}</strong> <span className={`tag tag--${team.status}`}>{t(`console.teams.status.${team.status}` as MessageKey)}</span>
                {team.checkedInAt ? (
                  <span className="tag tag--live">
                    {t('console.teams.checkedIn', { time: formatClockTime(team.checkedInAt, lang) })}
                  </span>
                ) : null}
                <div className="ui-muted">
                  {categoryName.get(team.categoryId) ?? ''} · {team.school?.name ?? ''}
                </div>
                <div className="ui-muted">{(team.members ?? []).map((member) => `${member.name} (${member.grade})`).join(', ')}</div>
              </div>
              <div className="button-row">
                <WriteZone stageId={stageId} inline>
                {team.status === 'active' ? (
                  <>
                    {team.checkedInAt ? (
                      <Button variant="ghost" busy={busy === team.id} onClick={() => void checkIn(team, false)}>{t('console.teams.undoCheckIn')}</Button>
                    ) : (
                      <Button busy={busy === team.id} onClick={() => void checkIn(team, true)}>{t('console.teams.checkIn')}</Button>
                    )}
                    <Button variant="secondary" busy={busy === team.id} onClick={() => void setStatus(team, 'absent')}>{t('console.teams.markAbsent')}</Button>
                    <Button variant="ghost" busy={busy === team.id} onClick={() => void setStatus(team, 'withdrawn')}>{t('console.teams.withdraw')}</Button>
                  </>
                ) : (
                  <Button variant="secondary" busy={busy === team.id} onClick={() => void setStatus(team, 'active')}>{t('console.teams.reactivate')}</Button>
                )}
                </WriteZone>
                <HistoryButton target={{ kind: 'team', id: team.id, name: team.name }} />
              </div>
            </li>
          ))}
        </ul>
        {found.length > SHOWN ? <p className="ui-muted">{t('console.teams.shown', { shown: SHOWN, count: found.length })}</p> : null}
      </section>
    </>
  );
}
