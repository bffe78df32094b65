import type { RunState } from '@olympiad/contracts';
import { compareNames } from '@olympiad/i18n';
import { mazeAttemptsByTeam, type MazeRuleSet, nextMazeAttempt } from '@olympiad/scoring';
import { navigate, useLanguage, useLocation } from '@olympiad/ui';
import { useEffect, useMemo, useState } from 'react';
import { useJudge } from '../app/judge-context';
import type { ScreenProps } from '../category/category-page';
import { revealWork } from '../category/reveal-work';
import { TeamResult } from '../category/team-result';
import { useStandingsPreview } from '../category/use-standings-preview';
import { MazeAttemptForm } from './maze-attempt-form';
import { readConfirmedRuns, rememberConfirmedRun } from './confirmed-runs';
import { SensorPanel } from './sensor-panel';
import { useFieldRun } from './use-field-run';

/** The maze field: the queue of teams, the run on the field, and the attempt to confirm. */
export function MazeScreen({ state }: ScreenProps) {
  const { lang, t } = useLanguage();
  const { me, token } = useJudge();
  const { category, teams } = state.data;
  const ruleSet = category.ruleSet as MazeRuleSet;
  const { search, pathname } = useLocation();
  const mazeFields = me.assignments.fields.filter((field) => field.discipline === 'maze');
  const fieldId = search.get('field') ?? (mazeFields.length === 1 ? mazeFields[0].id : null);
  const live = useFieldRun(fieldId, token);
  const preview = useStandingsPreview(state.data, state.records);
  const attempts = useMemo(() => mazeAttemptsByTeam(state.records), [state.records]);
  const ordered = useMemo(
    () => [...teams].sort((a, b) => compareNames(a.name, b.name, lang)),
    [teams, lang],
  );
  const [teamId, setTeamId] = useState<string | null>(null);
  const run = live.run;
  const [confirmedRuns, setConfirmedRuns] = useState(readConfirmedRuns);
  const settled =
    run?.state === 'finished' &&
    (confirmedRuns.includes(run.runId) ||
      state.records.some(
        (record) => record.supersedes !== null && record.supersedes === run.entryId,
      ));
  // The run this screen works on: armed, running, or finished and not yet confirmed.
  const runOfCategory =
    run && run.state !== 'idle' && run.categoryId === category.id && !settled ? run : null;

  // A run armed on this field (here or on another tablet) brings its team onto the screen.
  const [seenRunId, setSeenRunId] = useState<string | null>(null);
  if (runOfCategory && runOfCategory.runId !== seenRunId) {
    setSeenRunId(runOfCategory.runId);
    setTeamId(runOfCategory.teamId);
  }

  // The finish gate recorded a provisional attempt on the server: fetch it for the queue.
  const finishedRunId = runOfCategory?.state === 'finished' ? runOfCategory.runId : null;
  const { reload } = state;
  useEffect(() => {
    if (finishedRunId) reload();
  }, [finishedRunId, reload]);

  const team = ordered.find((candidate) => candidate.id === teamId) ?? null;
  const teamAttempts = team ? attempts.get(team.id) : undefined;
  const attempt = team
    ? runOfCategory && runOfCategory.teamId === team.id
      ? runOfCategory.attempt
      : nextMazeAttempt(teamAttempts, ruleSet.params.attempts)
    : null;
  const ours =
    !!team &&
    !!runOfCategory &&
    runOfCategory.teamId === team.id &&
    runOfCategory.attempt === attempt;
  const sensorMs =
    ours && runOfCategory?.state === 'finished'
      ? (runOfCategory as Extract<RunState, { state: 'finished' }>).durationMs
      : null;

  return (
    <div className="maze">
      <div className="panel queue" aria-labelledby="queue-title">
        <h3 id="queue-title">{t('judge.maze.queue')}</h3>
        {mazeFields.length > 1 ? (
          <div className="ui-row field-picker" role="group" aria-label={t('common.fields')}>
            {mazeFields.map((field) => (
              <button
                key={field.id}
                type="button"
                className={`choice ${field.id === fieldId ? 'choice--on' : ''}`}
                aria-pressed={field.id === fieldId}
                onClick={() => navigate(`${pathname}?field=${field.id}`, { replace: true })}
              >
                {field.name}
              </button>
            ))}
          </div>
        ) : null}
        <ul className="queue__list">
          {ordered.map((candidate) => {
            const used = attempts.get(candidate.id)?.length ?? 0;
            const onField =
              runOfCategory?.teamId === candidate.id &&
              (runOfCategory.state === 'armed' || runOfCategory.state === 'running');
            return (
              <li key={candidate.id}>
                <button
                  type="button"
                  className={`queue__team ${candidate.id === teamId ? 'queue__team--on' : ''}`}
                  aria-pressed={candidate.id === teamId}
                  onClick={() => {
                    setTeamId(candidate.id);
                    revealWork('maze-run');
                  }}
                >
                  <span className="queue__name">
                    {candidate.name}
                    {onField ? (
                      <span className="chip chip--ok">{t('judge.maze.onField')}</span>
                    ) : null}
                  </span>
                  <span className="queue__meta">
                    {t('judge.maze.attemptsUsed', { used, max: ruleSet.params.attempts })} ·{' '}
                    <TeamResult row={preview.rows.get(candidate.id)} />
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="maze__run" id="maze-run">
        {!team ? (
          <p className="hint-box">{t('judge.maze.pickTeam')}</p>
        ) : attempt === null ? (
          <p className="hint-box">{t('judge.maze.allAttemptsUsed', { name: team.name })}</p>
        ) : (
          <>
            <h3 className="run-title">
              {team.name} · {t('judge.maze.attemptN', { attempt, max: ruleSet.params.attempts })}
            </h3>
            <p className="muted">
              {t('judge.maze.bestSoFar')}: <TeamResult row={preview.rows.get(team.id)} />
            </p>
            {fieldId ? (
              <SensorPanel
                fieldId={fieldId}
                live={live}
                categoryId={category.id}
                teamId={team.id}
                attempt={attempt}
                ours={ours}
                locked={category.status === 'locked'}
              />
            ) : null}
            <MazeAttemptForm
              key={`${team.id}:${attempt}`}
              category={category}
              ruleSet={ruleSet}
              teamId={team.id}
              teamName={team.name}
              attempt={attempt}
              sensorMs={sensorMs}
              fieldId={ours ? fieldId : null}
              onConfirmed={() => {
                if (runOfCategory && ours)
                  setConfirmedRuns((list) => rememberConfirmedRun(runOfCategory.runId, list));
              }}
              provisionalEntryId={
                ours && runOfCategory?.state === 'finished' ? runOfCategory.entryId : null
              }
            />
          </>
        )}
      </div>
    </div>
  );
}
