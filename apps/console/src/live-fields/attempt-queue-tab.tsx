import type { FieldQueue } from '@olympiad/contracts';
import { StatusBanner, useLanguage } from '@olympiad/ui';
import { useState } from 'react';
import type { ConsoleApi } from '../stage/console-context';
import { teamsOnOtherFields, waitingTeams } from './field-run';
import { LiveTabHead } from './live-tab-head';
import { RunStatus } from './run-status';
import { SharedCategories, TeamCategory } from './shared-categories';
import { useFieldsLive, type FieldsLive } from './use-fields-live';
import { WaitEstimate } from './wait-estimate';

/**
 * The maze attempt queue per table: who is on the field now, then every team still to run in
 * order (round by round, by name), each with the attempt it is on; it moves on live as runs end.
 */
export function AttemptQueueTab({
  console: consoleApi,
  stageId,
}: {
  console: ConsoleApi;
  stageId: string;
}) {
  const { t } = useLanguage();
  const live = useFieldsLive(stageId, consoleApi);
  const { queues } = live;
  const mazeFields = (queues.data ?? []).filter((field) => field.discipline === 'maze');
  const [chosen, setChosen] = useState<string | null>(null);
  const field =
    mazeFields.find((candidate) => candidate.fieldId === chosen) ?? mazeFields[0] ?? null;
  return (
    <section aria-labelledby="queue-title">
      <LiveTabHead id="queue-title" title="console.queue.title" live={live} />
      {queues.status === 'ready' && mazeFields.length === 0 ? (
        <StatusBanner kind="info">{t('console.queue.empty')}</StatusBanner>
      ) : null}
      {mazeFields.length > 1 ? (
        <div className="choice-row" role="group" aria-label={t('console.queue.fields')}>
          {mazeFields.map((candidate) => (
            <button
              key={candidate.fieldId}
              type="button"
              className="tabs__tab"
              aria-pressed={candidate.fieldId === field?.fieldId}
              onClick={() => setChosen(candidate.fieldId)}
            >
              {candidate.name}
            </button>
          ))}
        </div>
      ) : null}
      {field ? <FieldQueueView field={field} live={live} /> : null}
    </section>
  );
}

function FieldQueueView({ field, live }: { field: FieldQueue; live: FieldsLive }) {
  const { t } = useLanguage();
  const run = live.runs[field.fieldId];
  const waiting = waitingTeams(field, run?.run, teamsOnOtherFields(live.runs, field.fieldId));
  const done = field.teams.filter((team) => team.nextAttempt === null).length;
  const attempts = new Map(field.categories.map((category) => [category.id, category.attempts]));
  return (
    <div className="ui-card queue-card" data-field={field.name}>
      <div className="queue-card__head">
        <h4 className="field-card__name">{field.name}</h4>
        {field.categories.length === 0 ? (
          <p className="field-card__hint">{t('console.overview.noCategories')}</p>
        ) : (
          <p className="ui-muted">
            {t('console.queue.categories', {
              names: field.categories.map((category) => category.name).join(', '),
            })}
          </p>
        )}
        {field.categories.length > 1 ? (
          <p className="ui-muted">{t('console.queue.mixed', { count: field.categories.length })}</p>
        ) : null}
        <SharedCategories field={field} />
      </div>
      <div className="queue-card__now">
        <span className="field-card__label">{t('console.queue.onField')}</span>
        <RunStatus
          live={run}
          check={field.lastRun}
          teamName={(id) => live.teamNames.get(id) ?? '—'}
          attemptsAllowed={(id) => attempts.get(id) ?? null}
        />
      </div>
      {field.categories.length > 0 ? (
        <div className="queue-card__list">
          <h5 className="queue-card__title">
            {t('console.queue.waitingTitle', { count: waiting.length })}
          </h5>
          {waiting.length === 0 ? (
            <p>
              {t(
                field.teams.some((team) => team.nextAttempt !== null)
                  ? 'console.overview.nextNone'
                  : 'console.queue.allDone',
              )}
            </p>
          ) : null}
          <ol className="attempt-queue">
            {waiting.map((team, index) => (
              <li
                key={team.teamId}
                className={`attempt-queue__team${index === 0 ? ' attempt-queue__team--next' : ''}`}
                data-team={team.name}
              >
                <span className="attempt-queue__place">{index + 1}</span>
                <span className="attempt-queue__name">
                  <strong>{team.name}</strong>
                  <span className="ui-muted">{team.school}</span>
                  <TeamCategory field={field} categoryId={team.categoryId} />
                </span>
                <span className="attempt-queue__attempt">
                  {t('console.overview.attempt', {
                    attempt: team.nextAttempt ?? '—',
                    max: team.attemptsAllowed,
                  })}{' '}
                  <WaitEstimate waitMs={team.waitMs} />
                </span>
              </li>
            ))}
          </ol>
          {done > 0 ? <p className="ui-muted">{t('console.queue.done', { count: done })}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
