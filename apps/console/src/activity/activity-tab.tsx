import {
  AUDIT_ACTIONS,
  AUDIT_OBJECT_KINDS,
  AUDIT_PAGE_SIZE,
  type AuditEntry,
  type AuditFilters,
  routes,
} from '@olympiad/contracts';
import { formatDateTime, type MessageKey } from '@olympiad/i18n';
import {
  Button,
  describeError,
  ProgressBar,
  QueryStatus,
  SelectField,
  StatusBanner,
  TextField,
  useLanguage,
  useQuery,
} from '@olympiad/ui';
import { useState } from 'react';
import type { ConsoleApi } from '../stage/console-context';
import { downloadFile } from '../transfer/file-transfer';
import type { HistoryTarget } from './activity-link';
import './activity.css';
import { auditChangeLines } from './audit-change-text';

/** A date field's day (YYYY-MM-DD, the browser's time zone) as the instant it starts; `days` later for an end. */
const dayStart = (day: string, days = 0) => {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + days);
  return date.toISOString();
};

/**
 * The stage's audit record (docs/audit.md): filters for who, what, on what and when, the list
 * newest first in pages, and the same selection as a CSV file. `target` narrows it to one object
 * (a team's or a category's "History").
 */
export function ActivityTab({
  console: { api, getToken },
  stageId,
  target,
  onClearTarget,
}: {
  console: ConsoleApi;
  stageId: string;
  target: HistoryTarget | null;
  onClearTarget: () => void;
}) {
  const { t, lang } = useLanguage();
  const [actorId, setActorId] = useState('');
  const [action, setAction] = useState('');
  const [objectKind, setObjectKind] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [offset, setOffset] = useState(0);
  const [exporting, setExporting] = useState<{ percent: number | null } | null>(null);
  const [outcome, setOutcome] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const filters: AuditFilters = {
    stageId,
    ...(actorId ? { actorId } : {}),
    ...(action ? { action: action as AuditFilters['action'] } : {}),
    ...(target
      ? { objectKind: target.kind, objectId: target.id }
      : objectKind
        ? { objectKind: objectKind as AuditFilters['objectKind'] }
        : {}),
    ...(from ? { from: dayStart(from) } : {}),
    ...(to ? { to: dayStart(to, 1) } : {}),
  };
  const key = JSON.stringify(filters);
  const page = useQuery(
    (signal) =>
      api.call(
        routes.audit.list,
        { query: { ...filters, offset, limit: AUDIT_PAGE_SIZE } },
        { signal },
      ),
    // `key` is the filters' content: a new object each render, the same selection.
    [api, key, offset],
  );
  const me = useQuery((signal) => api.call(routes.auth.me, {}, { signal }), [api]);
  const judges = useQuery(
    (signal) => api.call(routes.judges.list, { params: { stageId } }, { signal }),
    [api, stageId],
  );

  /** Every filter change starts again at the newest row. */
  const refilter = (set: (value: string) => void) => (value: string) => {
    set(value);
    setOffset(0);
  };

  const exportCsv = async () => {
    setExporting({ percent: null });
    setOutcome(null);
    try {
      const file = await downloadFile(
        api.url(routes.audit.csv, { query: filters }),
        getToken,
        'activity.csv',
        (percent) => setExporting({ percent }),
      );
      setOutcome({ kind: 'success', text: t('console.activity.exported', { file }) });
    } catch (error) {
      setOutcome({ kind: 'error', text: describeError(lang, error) });
    } finally {
      setExporting(null);
    }
  };

  const actorOptions = [
    { value: '', label: t('console.activity.anyone') },
    ...(me.data && me.data.role === 'organiser'
      ? [{ value: me.data.id, label: t('console.activity.me', { name: me.data.name }) }]
      : []),
    ...(judges.data ?? []).map((judge) => ({ value: judge.id, label: judge.name })),
  ];
  const actorText = (entry: AuditEntry) =>
    entry.actor.kind === 'system'
      ? t('console.activity.actor.system')
      : entry.actor.kind === 'anonymous'
        ? t('console.activity.actor.anonymous', { name: entry.actor.name })
        : entry.actor.name;

  const total = page.data?.total ?? 0;
  const entries = page.data?.entries ?? [];
  return (
    <section className="ui-card activity" aria-labelledby="activity-title">
      <h3 id="activity-title">{t('console.activity.title')}</h3>
      <p className="ui-muted">{t('console.activity.intro')}</p>
      {target ? (
        <div className="activity__target" role="status">
          <strong>{t('console.activity.historyOf', { name: target.name })}</strong>
          <Button
            variant="secondary"
            onClick={() => {
              onClearTarget();
              setOffset(0);
            }}
          >
            {t('console.activity.showAll')}
          </Button>
        </div>
      ) : null}
      <div className="form-grid">
        <SelectField
          label={t('console.activity.who')}
          options={actorOptions}
          value={actorId}
          onChange={refilter(setActorId)}
        />
        <SelectField
          label={t('console.activity.what')}
          options={[
            { value: '', label: t('console.activity.anyAction') },
            ...AUDIT_ACTIONS.map((name) => ({
              value: name,
              label: t(`audit.action.${name}` as MessageKey),
            })),
          ]}
          value={action}
          onChange={refilter(setAction)}
        />
        {target ? null : (
          <SelectField
            label={t('console.activity.objectKind')}
            options={[
              { value: '', label: t('console.activity.anyObject') },
              ...AUDIT_OBJECT_KINDS.map((kind) => ({
                value: kind,
                label: t(`audit.object.${kind}` as MessageKey),
              })),
            ]}
            value={objectKind}
            onChange={refilter(setObjectKind)}
          />
        )}
        <TextField
          label={t('console.activity.from')}
          type="date"
          value={from}
          onChange={(event) => refilter(setFrom)(event.target.value)}
        />
        <TextField
          label={t('console.activity.to')}
          type="date"
          value={to}
          onChange={(event) => refilter(setTo)(event.target.value)}
        />
      </div>
      <div className="button-row">
        <Button variant="secondary" busy={exporting !== null} onClick={() => void exportCsv()}>
          {t('console.activity.exportCsv')}
        </Button>
      </div>
      {exporting ? (
        <ProgressBar label={t('console.activity.exporting')} percent={exporting.percent} />
      ) : null}
      {outcome ? <StatusBanner kind={outcome.kind}>{outcome.text}</StatusBanner> : null}
      <QueryStatus query={page} />
      {page.data ? (
        <p className="ui-muted" data-testid="activity-count">
          {t('console.activity.count', { count: total })}
          {total > 0
            ? ` · ${t('console.activity.range', { from: offset + 1, to: offset + entries.length, total })}`
            : ''}
        </p>
      ) : null}
      {page.status === 'ready' && total === 0 ? (
        <StatusBanner kind="info">{t('console.activity.empty')}</StatusBanner>
      ) : null}
      <ol className="plain-list activity__list" aria-label={t('console.activity.title')}>
        {entries.map((entry) => (
          <li key={entry.id} className="activity__row" data-action={entry.action}>
            <div className="activity__head">
              <time dateTime={entry.at} className="activity__time">
                {formatDateTime(entry.at, lang, undefined, { numeric: true })}
              </time>
              <strong>{t(`audit.action.${entry.action}` as MessageKey)}</strong>
              <span className="tag">
                {t(`audit.object.${entry.object.kind}` as MessageKey)}:{' '}
                {entry.object.name ?? entry.object.id}
              </span>
            </div>
            <div className="ui-muted">{actorText(entry)}</div>
            {auditChangeLines(entry, lang, t).map((line) => (
              <div key={line} className="activity__change">
                {line}
              </div>
            ))}
          </li>
        ))}
      </ol>
      {total > AUDIT_PAGE_SIZE ? (
        <div className="button-row">
          <Button
            variant="secondary"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - AUDIT_PAGE_SIZE))}
          >
            {t('console.activity.newer')}
          </Button>
          <Button
            variant="secondary"
            disabled={offset + AUDIT_PAGE_SIZE >= total}
            onClick={() => setOffset(offset + AUDIT_PAGE_SIZE)}
          >
            {t('console.activity.older')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
