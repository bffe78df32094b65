import { routes, type LedgerEntry } from '@olympiad/contracts';
import { formatClockTime } from '@olympiad/i18n';
import { entryModeOf, finestPrecision, resolveLedger } from '@olympiad/scoring';
import { Button, describeError, Link, StatusBanner, useLanguage } from '@olympiad/ui';
import { useMemo, useState } from 'react';
import { useJudge } from '../app/judge-context';
import { paths } from '../app/judge-routes';
import { TeamResult } from '../category/team-result';
import { CategoryDataPending } from '../category/category-data-pending';
import { useCategoryData } from '../category/use-category-data';
import { useStandingsPreview } from '../category/use-standings-preview';
import { OutboxItemActions, OutboxItemStatus } from '../outbox/outbox-item-status';
import { useOutboxState } from '../outbox/use-outbox';
import { CorrectionForm } from './correction-form';
import { entryKindName, entrySummary, entryTimePrecision } from './entry-summary';
import { HeldEntriesPanel } from './held-entries-panel';
import { useHeldEntries } from './use-held-entries';

/**
 * The head judge's desk for one category: standings as the rules compute them, every ledger
 * entry with its history (corrections and voids keep the original), this tablet's entries
 * waiting or held, the stage's queue of entries held for review, and lock / publish.
 */
export function ReviewPage({ categoryId }: { categoryId: string }) {
  const { lang, t } = useLanguage();
  const { api, me, outbox, online } = useJudge();
  const outboxState = useOutboxState(outbox);
  const state = useCategoryData(categoryId);
  const heldForReview = useHeldEntries(me.judge.role === 'head-judge');
  const preview = useStandingsPreview(state.data, state.records);
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const data = state.data;

  const history = useMemo(() => {
    if (!data)
      return {
        rows: [] as LedgerEntry[],
        replacedBy: new Map<string, LedgerEntry>(),
        counted: new Set<string>(),
        precision: null,
      };
    const replacedBy = new Map<string, LedgerEntry>();
    for (const row of data.ledger) if (row.supersedes) replacedBy.set(row.supersedes, row);
    const counted = new Set(resolveLedger(data.ledger).effective.map((e) => e.record.id));
    // One list, one precision: the finest its times have (docs/results-display.md).
    const precisions = data.ledger.map((row) => entryTimePrecision(row.kind, row.payload));
    const precision = precisions.some((p) => p !== null) ? finestPrecision(precisions) : null;
    return { rows: [...data.ledger].reverse(), replacedBy, counted, precision };
  }, [data]);

  if (!data) return <CategoryDataPending state={state} />;
  const { category, teams } = data;
  const names = new Map(teams.map((team) => [team.id, team.name]));
  const teamName = (id: string) => names.get(id) ?? '…';
  const warnings = new Map(preview.warnings.map((warning) => [warning.entryId, warning.message]));
  const held = outboxState.items.filter((item) => item.entry.categoryId === categoryId);

  async function act(action: 'lock' | 'unlock' | 'publish' | 'unpublish') {
    setBusy(true);
    setFailure(null);
    try {
      await api.call(routes.categories[action], { params: { id: categoryId } });
      state.reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="screen review" aria-labelledby="review-title">
      <div className="screen__head">
        <Link className="ui-button ui-button--ghost" href={paths.category(categoryId)}>
          ← {category.name}
        </Link>
        <h2 id="review-title">{t('judge.review.title', { name: category.name })}</h2>
      </div>
      <div className="panel review__status">
        <p>
          <span
            className={`chip ${category.status === 'locked' ? 'chip--locked' : 'chip--ok'}`}
            data-testid="category-status"
          >
            {t(category.status === 'locked' ? 'judge.category.locked' : 'judge.category.open')}
          </span>{' '}
          <span
            className={`chip ${category.published ? 'chip--ok' : 'chip--off'}`}
            data-testid="category-published"
          >
            {t(category.published ? 'judge.review.published' : 'judge.review.notPublished')}
          </span>
        </p>
        {me.judge.role === 'head-judge' ? (
          <p>
            <Link
              className="ui-button ui-button--secondary ui-button--large"
              href={paths.protests(categoryId)}
            >
              {t('protests.title')}
            </Link>{' '}
            {entryModeOf(category.ruleSet) === 'double' ? (
              <Link
                className="ui-button ui-button--secondary ui-button--large"
                href={paths.doubleEntry(categoryId)}
              >
                {t('judge.double.open')}
              </Link>
            ) : null}{' '}
            {category.discipline === 'maze' || category.discipline === 'sumo' ? (
              <Link
                className="ui-button ui-button--secondary ui-button--large"
                href={paths.inspection(categoryId)}
              >
                {t('inspection.open')}
              </Link>
            ) : null}
          </p>
        ) : null}
        {failure ? <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner> : null}
        {!online ? (
          <StatusBanner kind="offline">{t('judge.review.needsConnection')}</StatusBanner>
        ) : null}
        <div className="ui-row">
          {category.status === 'locked' ? (
            <Button
              large
              variant="secondary"
              busy={busy}
              disabled={!online}
              onClick={() => void act('unlock')}
            >
              {t('judge.review.unlock')}
            </Button>
          ) : (
            <Button large busy={busy} disabled={!online} onClick={() => void act('lock')}>
              {t('judge.review.lock')}
            </Button>
          )}
          {category.published ? (
            <Button
              large
              variant="secondary"
              busy={busy}
              disabled={!online}
              onClick={() => void act('unpublish')}
            >
              {t('judge.review.unpublish')}
            </Button>
          ) : (
            <Button large busy={busy} disabled={!online} onClick={() => void act('publish')}>
              {t('judge.review.publish')}
            </Button>
          )}
        </div>
      </div>

      {me.judge.role === 'head-judge' ? (
        <HeldEntriesPanel
          held={heldForReview}
          teamName={(id) => names.get(id) ?? '…'}
          onSettled={(entry) => {
            if (entry.categoryId === categoryId) state.reload();
          }}
        />
      ) : null}

      {held.length > 0 ? (
        <div className="panel">
          <h3>{t('judge.review.waitingTitle')}</h3>
          <ul className="outbox-list">
            {held.map((item) => (
              <li key={item.id} className={`outbox-item outbox-item--${item.state}`}>
                <div>
                  <strong>{item.label}</strong> ·{' '}
                  {entrySummary(t, item.entry.kind, item.entry.payload, { teamName })}
                  <OutboxItemStatus item={item} />
                </div>
                <OutboxItemActions item={item} outbox={outbox} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="two-panes">
        <div className="panel">
          <h3>{t('judge.review.standings')}</h3>
          <table className="task-table standings-table">
            <tbody>
              {preview.ordered.map((row) => (
                <tr key={row.teamId}>
                  <th scope="row">{names.get(row.teamId) ?? row.teamId}</th>
                  <td>
                    <TeamResult row={row} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="panel">
          <h3>{t('judge.review.history', { count: history.rows.length })}</h3>
          {warnings.size > 0 ? (
            <StatusBanner kind="error">
              {t('judge.review.warnings', { count: warnings.size })}
            </StatusBanner>
          ) : null}
          {history.rows.length === 0 ? (
            <p className="result--none">{t('judge.review.noEntries')}</p>
          ) : null}
          <ol className="history">
            {history.rows.map((row) => {
              const replaced = history.replacedBy.get(row.id);
              const counted = history.counted.has(row.id);
              return (
                <li
                  key={row.id}
                  className={`history__entry ${counted ? '' : 'history__entry--old'}`}
                  data-entry={row.id}
                >
                  <div className="history__line">
                    <span className="history__seq">#{row.seq}</span>
                    <strong>
                      {row.teamId
                        ? (names.get(row.teamId) ?? row.teamId)
                        : entryKindName(t, row.kind)}
                    </strong>
                    <span className="digits">
                      {entrySummary(t, row.kind, row.payload, {
                        precision: history.precision ?? undefined,
                        teamName,
                      })}
                    </span>
                  </div>
                  {warnings.has(row.id) ? (
                    <p className="history__warning" role="note">
                      {t('judge.review.notCounted', { message: warnings.get(row.id) ?? '' })}
                    </p>
                  ) : null}
                  <div className="muted">
                    {entryKindName(t, row.kind)} ·{' '}
                    {formatClockTime(row.recordedAt, lang, undefined, { seconds: true })}
                    {row.reason
                      ? ` · ${t('judge.review.reasonShown', { reason: row.reason })}`
                      : ''}
                    {replaced
                      ? ` · ${t(replaced.kind === 'void' ? 'judge.review.voidedBy' : 'judge.review.correctedBy', { seq: replaced.seq })}`
                      : ''}
                  </div>
                  {counted && row.kind !== 'void' ? (
                    editing === row.id ? (
                      <CorrectionForm
                        row={row}
                        ruleSet={category.ruleSet}
                        teamName={
                          row.teamId ? (names.get(row.teamId) ?? '') : entryKindName(t, row.kind)
                        }
                        onDone={() => setEditing(null)}
                      />
                    ) : (
                      <Button variant="secondary" onClick={() => setEditing(row.id)}>
                        {t('judge.review.correct')}
                      </Button>
                    )
                  ) : null}
                </li>
              );
            })}
          </ol>
        </div>
      </div>
    </section>
  );
}
