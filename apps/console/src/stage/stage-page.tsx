import { routes } from '@olympiad/contracts';
import { formatDateRange, type MessageKey } from '@olympiad/i18n';
import { Link, QueryStatus, useLanguage, useQuery } from '@olympiad/ui';
import { useState } from 'react';
import { ShowHistoryContext, type HistoryTarget } from '../activity/activity-link';
import { ActivityTab } from '../activity/activity-tab';
import { BASE_PATH } from '../base-path';
import { CategoriesTab } from '../categories/categories-tab';
import { AwardsPanel } from '../displays/awards-panel';
import { DisplaysTab } from '../displays/displays-tab';
import { FieldsTab } from '../fields/fields-tab';
import { RepublicLinkStrip } from '../federation/republic-link-strip';
import { RepublicTab } from '../federation/republic-tab';
import { useRepublicLink } from '../federation/use-republic-link';
import { VenueOwnedNotice } from '../federation/venue-owned-notice';
import { JudgesTab } from '../judges/judges-tab';
import { AttemptQueueTab } from '../live-fields/attempt-queue-tab';
import { FieldsOverviewTab } from '../live-fields/fields-overview-tab';
import { QualificationTab } from '../qualification/qualification-tab';
import { ResultsTab } from '../results/results-tab';
import { StageProtestsStrip } from '../protests/stage-protests-strip';
import { SumoTab } from '../sumo/sumo-tab';
import { TeamsTab } from '../teams/teams-tab';
import { ReachNotice } from '../session/reach-notice';
import { useRefusal } from '../session/staff-reach-context';
import { WriteZone } from '../session/write-zone';
import type { ConsoleApi } from './console-context';
import { StageStatusControl } from './stage-status-control';

const TABS = ['categories', 'teams', 'judges', 'fields', 'sumo', 'overview', 'queue', 'results', 'qualification', 'displays', 'activity'] as const;
type Tab = (typeof TABS)[number] | 'republic';

/** One stage: set-up, registration, judges, the sumo draw, results and qualification, as tabs. */
export function StagePage({ stageId, console: consoleApi }: { stageId: string; console: ConsoleApi }) {
  const { lang, t } = useLanguage();
  const [tab, setTab] = useState<Tab>('categories');
  const [historyOf, setHistoryOf] = useState<HistoryTarget | null>(null);
  const [protestsOf, setProtestsOf] = useState('');
  const categoryNames = useQuery((signal) => consoleApi.api.call(routes.categories.list, { params: { stageId } }, { signal }), [consoleApi.api, stageId]);
  const stage = useQuery((signal) => consoleApi.api.call(routes.stages.get, { params: { id: stageId } }, { signal }), [consoleApi.api, stageId]);
  const republic = useRepublicLink(consoleApi.api, stageId);
  const tabs: readonly Tab[] = republic.status ? [...TABS, 'republic'] : TABS;
  const refusal = useRefusal('stage.write', stageId);

  if (stage.status === 'loading' && !stage.data) return <QueryStatus query={stage} />;
  if (stage.status === 'error' || !stage.data) {
    return (
      <>
        <QueryStatus query={stage} />
        {refusal === 'console.reach.notYourStage' ? <ReachNotice stageId={stageId} /> : null}
        <Link href={BASE_PATH} className="back-link">← {t('console.stage.back')}</Link>
      </>
    );
  }
  const current = stage.data;
  return (
    <>
      <Link href={BASE_PATH} className="back-link">← {t('console.stage.back')}</Link>
      <header className="stage-head ui-card">
        <div>
          <h2 className="stage-head__name">{current.name}</h2>
          <div className="ui-muted">
            {t(current.kind === 'republic' ? 'stage.kind.republic' : 'stage.kind.regional')} ·{' '}
            {formatDateRange(current.startsOn, current.endsOn, lang)}
            {current.venue ? ` · ${current.venue}` : ''}
          </div>
        </div>
        <div className="stage-list__tags">
          <span className="tag tag--code">{t('stage.code', { code: current.code })}</span>
          <span className={`tag tag--${current.status}`}>{t(`stage.status.${current.status}`)}</span>
          {refusal ? (
            <span className="tag tag--read-only">{t(refusal)}</span>
          ) : (
            <StageStatusControl api={consoleApi.api} stage={current} onChanged={stage.reload} />
          )}
        </div>
      </header>
      {republic.status ? <RepublicLinkStrip status={republic.status} onDetails={() => setTab('republic')} /> : null}
      <VenueOwnedNotice api={consoleApi.api} stageId={stageId} />
      <ReachNotice stageId={stageId} />
      <StageProtestsStrip api={consoleApi.api} stageId={stageId} categoryName={(id) => categoryNames.data?.find((category) => category.id === id)?.name ?? '…'} onOpen={(id) => { setProtestsOf(id); setTab('results'); }} />
      <nav className="tabs" aria-label={t('console.stage.tabs')}>
        {tabs.map((name) => (
          <button key={name} type="button" className="tabs__tab" aria-pressed={tab === name} onClick={() => {
              setTab(name);
              stage.reload();
            }}>
            {t(`console.stage.tab.${name}` as MessageKey)}
          </button>
        ))}
      </nav>
      <ShowHistoryContext.Provider value={(target) => {
          setHistoryOf(target);
          setTab('activity');
        }}>
      <section className="tab-panel">
        {tab === 'categories' ? <CategoriesTab api={consoleApi.api} stageId={stageId} /> : null}
        {tab === 'teams' ? <TeamsTab console={consoleApi} stageId={stageId} /> : null}
        <WriteZone stageId={stageId}>
        {tab === 'judges' ? <JudgesTab api={consoleApi.api} stage={current} /> : null}
        {tab === 'fields' ? <FieldsTab console={consoleApi} stageId={stageId} /> : null}
        {tab === 'sumo' ? <SumoTab api={consoleApi.api} stageId={stageId} /> : null}
        </WriteZone>
        {tab === 'overview' ? <FieldsOverviewTab console={consoleApi} stageId={stageId} /> : null}
        {tab === 'queue' ? <AttemptQueueTab console={consoleApi} stageId={stageId} /> : null}
        {tab === 'results' ? <ResultsTab key={protestsOf} console={consoleApi} stageId={stageId} initialCategory={protestsOf} /> : null}
        <WriteZone stageId={stageId}>
        {tab === 'qualification' ? <QualificationTab api={consoleApi.api} stage={current} /> : null}
        {tab === 'republic' && republic.status ? <RepublicTab console={consoleApi} status={republic.status} onChanged={republic.reload} /> : null}
        {tab === 'displays' ? (
          <>
            <DisplaysTab api={consoleApi.api} stage={current} />
            <AwardsPanel api={consoleApi.api} stage={current} />
          </>
        ) : null}
        </WriteZone>
        {tab === 'activity' ? <ActivityTab console={consoleApi} stageId={stageId} target={historyOf} onClearTarget={() => setHistoryOf(null)} /> : null}
      </section>
      </ShowHistoryContext.Provider>
    </>
  );
}
