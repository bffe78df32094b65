import type { DeviceStatus, DeviceSummary, FieldQueue } from '@olympiad/contracts';
import { formatClockTime, type MessageKey } from '@olympiad/i18n';
import { StatusBanner, useLanguage } from '@olympiad/ui';
import type { ConsoleApi } from '../stage/console-context';
import { heldOnField, teamsOnOtherFields, waitingTeams } from './field-run';
import { SharedCategories, TeamCategory } from './shared-categories';
import { LiveTabHead } from './live-tab-head';
import { RunStatus } from './run-status';
import { useFieldsLive, type FieldsLive, type HeldState } from './use-fields-live';
import { RingOrder } from './ring-order';

/**
 * Running the day at a glance: every field of the stage with its sensor's health, what is on it
 * (with a running clock), who is next, and how many entries wait for the head judge.
 */
export function FieldsOverviewTab({
  console: consoleApi,
  stageId,
}: {
  console: ConsoleApi;
  stageId: string;
}) {
  const { t } = useLanguage();
  const live = useFieldsLive(stageId, consoleApi);
  const { queues } = live;
  const fields = queues.data ?? [];
  return (
    <section aria-labelledby="overview-title">
      <LiveTabHead id="overview-title" title="console.overview.title" live={live} />
      <p className="held-total" data-testid="held-total">
        <span>{t('console.overview.heldTotal')}:</span>{' '}
        <HeldFigure held={live.held} count={(open) => open.length} />
      </p>
      {live.held.kind === 'unknown' ? (
        <p className="ui-muted">{t('console.overview.unknownHint')}</p>
      ) : null}
      {queues.status === 'ready' && fields.length === 0 ? (
        <StatusBanner kind="info">{t('console.overview.empty')}</StatusBanner>
      ) : null}
      <ul className="plain-list field-grid">
        {fields.map((field) => (
          <FieldCard key={field.fieldId} field={field} live={live} />
        ))}
      </ul>
    </section>
  );
}

function HeldFigure({
  held,
  count,
}: {
  held: HeldState;
  count: (open: Extract<HeldState, { kind: 'known' }>['open']) => number;
}) {
  const { t } = useLanguage();
  if (held.kind === 'loading') return <strong className="held-figure">…</strong>;
  if (held.kind === 'unknown')
    return (
      <strong className="held-figure held-figure--unknown" data-held="unknown">
        {t('console.overview.unknown')}
      </strong>
    );
  const value = count(held.open);
  return (
    <strong className={`held-figure${value > 0 ? ' held-figure--waiting' : ''}`} data-held={value}>
      {value}
    </strong>
  );
}

function FieldCard({ field, live }: { field: FieldQueue; live: FieldsLive }) {
  const { t } = useLanguage();
  const run = live.runs[field.fieldId];
  const devices = live.devices.filter((device) => device.fieldId === field.fieldId);
  const attempts = new Map(field.categories.map((category) => [category.id, category.attempts]));
  const waitingList =
    field.discipline === 'maze'
      ? waitingTeams(field, run?.run, teamsOnOtherFields(live.runs, field.fieldId))
      : [];
  const next = waitingList[0] ?? null;
  return (
    <li className="ui-card field-card" data-field={field.name}>
      <div className="field-card__head">
        <h4 className="field-card__name">{field.name}</h4>
        <span className="tag">{t(`discipline.${field.discipline}` as MessageKey)}</span>
      </div>
      <div className="field-card__devices">
        {devices.length === 0 ? (
          <span className="ui-muted">{t('console.overview.noDevice')}</span>
        ) : null}
        {devices.map((device) => (
          <DeviceHealth key={device.id} device={device} status={live.health[device.id]} />
        ))}
      </div>
      {field.discipline === 'maze' &&
      (field.categories.length > 0 || (run && run.run.state !== 'idle')) ? (
        <div className="field-card__now">
          <span className="field-card__label">{t('console.overview.now')}</span>
          <RunStatus
            live={run}
            check={field.lastRun}
            teamName={(id) => live.teamNames.get(id) ?? '—'}
            attemptsAllowed={(id) => attempts.get(id) ?? null}
          />
        </div>
      ) : field.discipline !== 'sumo' && field.discipline !== 'maze' ? (
        <p className="ui-muted">{t('console.overview.noRuns')}</p>
      ) : null}
      {field.discipline === 'maze' ? <SharedCategories field={field} /> : null}
      {field.categories.length === 0 &&
      (field.discipline === 'maze' || field.discipline === 'sumo') ? (
        <p className="field-card__hint">{t('console.overview.noCategories')}</p>
      ) : null}
      {field.discipline === 'maze' && field.categories.length > 0 ? (
        <div className="field-card__next" data-testid="next-team">
          <span className="field-card__label">{t('console.overview.next')}</span>
          {next ? (
            <span>
              <strong>{next.name}</strong> ·{' '}
              {t('console.overview.attempt', {
                attempt: next.nextAttempt ?? '—',
                max: next.attemptsAllowed,
              })}{' '}
              <TeamCategory field={field} categoryId={next.categoryId} />
            </span>
          ) : (
            <span className="ui-muted">{t('console.overview.nextNone')}</span>
          )}
          <span className="ui-muted field-card__count">
            {t('console.overview.waitingCount', { count: waitingList.length })}
          </span>
        </div>
      ) : null}
      {field.discipline === 'sumo' && field.categories.length > 0 ? (
        <div className="field-card__next">
          <span className="field-card__label">{t('console.overview.nextMatch')}</span>
          {field.nextMatch ? (
            <strong>
              {field.nextMatch.a.name} – {field.nextMatch.b.name}
            </strong>
          ) : (
            <span className="ui-muted">{t('console.overview.nextNone')}</span>
          )}
        </div>
      ) : null}
      {field.discipline === 'sumo' && field.categories.length > 0 ? (
        <RingOrder field={field} />
      ) : null}
      <div className="field-card__held">
        <span className="field-card__label">{t('console.overview.held')}</span>
        <HeldFigure held={live.held} count={(open) => heldOnField(field, open)} />
      </div>
    </li>
  );
}

function DeviceHealth({
  device,
  status,
}: {
  device: DeviceSummary;
  status: DeviceStatus | undefined;
}) {
  const { lang, t } = useLanguage();
  const online = status?.online ?? false;
  return (
    <span className="device-health" data-device={device.id} data-online={online}>
      <span
        className={`device-health__dot device-health__dot--${online ? 'online' : 'offline'}`}
        aria-hidden="true"
      />
      <strong>{t(online ? 'console.devices.online' : 'console.devices.offline')}</strong>
      <span className="ui-muted">
        {device.id} ·{' '}
        {/* A controller on mains power reports no battery: say nothing rather than "—%". */}
        {typeof status?.battery === 'number'
          ? `${t('console.devices.battery', { value: status.battery })} · `
          : null}
        {t('console.devices.lastSeen', {
          time: status?.lastSeenAt
            ? formatClockTime(status.lastSeenAt, lang, undefined, { seconds: true })
            : '—',
        })}
      </span>
    </span>
  );
}
