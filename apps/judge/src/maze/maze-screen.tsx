import type { RunState } from '@olympiad/contracts';
import { compareNames } from '@olympiad/i18n';
import {
  entryModeOf,
  mazeAttemptsByTeam,
  type MazeRuleSet,
  tablePrecisionOf,
} from '@olympiad/scoring';
import { navigate, useLanguage, useLocation } from '@olympiad/ui';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useJudge } from '../app/judge-context';
import { paths } from '../app/judge-routes';
import type { ScreenProps } from '../category/category-page';
import { revealWork } from '../category/reveal-work';
import { TeamResult } from '../category/team-result';
import { useStandingsPreview } from '../category/use-standings-preview';
import { useWaitingByTeam, WaitingMark } from '../category/waiting-by-team';
import { AttemptRecorded, type RecordedAttempt } from './attempt-recorded';
import { nextOwnMazeAttempt, ownBlindAttempts } from './own-blind-attempts';
import { MazeAttemptForm } from './maze-attempt-form';
import { readConfirmedRuns, rememberConfirmedRun } from './confirmed-runs';
import { readRememberedField, rememberField } from './remembered-field';
import { SensorPanel } from './sensor-panel';
import { StopwatchInspection } from './stopwatch-inspection';
import { useFieldRun } from './use-field-run';
import './maze.css';

/** Puts the judge's field and team in the URL (a reload comes back to them) and remembers the field. */
function showPlace(
  categoryId: string,
  judgeId: string,
  field: string | null,
  team: string | null,
): void {
  if (field) rememberField(judgeId, field);
  navigate(paths.category(categoryId, { field, team }), { replace: true });
}

/** The maze field: the queue of teams, the run on the field, and the attempt to confirm. */
export function MazeScreen({ state }: ScreenProps) {
  const { lang, t } = useLanguage();
  const { me, token } = useJudge();
  const { category, teams } = state.data;
  const ruleSet = category.ruleSet as MazeRuleSet;
  const { search } = useLocation();
  const fieldParam = search.get('field');
  const teamParam = search.get('team');
  const mazeFields = me.assignments.fields.filter((field) => field.discipline === 'maze');
  const judgeId = me.judge.id;
  const remembered = readRememberedField(judgeId);
  // The judge's place lives in the URL (field and team), so a reload comes back to it.
  const fieldId =
    fieldParam ??
    mazeFields.find((field) => field.id === remembered)?.id ??
    (mazeFields.length === 1 ? mazeFields[0].id : null);
  const teamId = teams.some((team) => team.id === teamParam) ? teamParam : null;
  const categoryId = category.id;
  useEffect(() => {
    if (fieldId && fieldParam !== fieldId) showPlace(categoryId, judgeId, fieldId, teamId);
  }, [categoryId, judgeId, fieldId, fieldParam, teamId]);
  const live = useFieldRun(fieldId, token);
  const waiting = useWaitingByTeam();
  const [recorded, setRecorded] = useState<RecordedAttempt | null>(null);
  const forgetRecorded = useCallback(() => setRecorded(null), []);
  const preview = useStandingsPreview(state.data, state.records);
  const precision = tablePrecisionOf(preview.ordered);
  const attempts = useMemo(() => mazeAttemptsByTeam(state.records), [state.records]);
  const entered = useMemo(() => ownBlindAttempts(state.records, judgeId), [state.records, judgeId]);
  const ordered = useMemo(
    () => [...teams].sort((a, b) => compareNames(a.name, b.name, lang)),
    [teams, lang],
  );
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
  const seenRunId = useRef<string | null>(null);
  const runId = runOfCategory?.runId ?? null;
  const runTeamId = runOfCategory?.teamId ?? null;
  useEffect(() => {
    if (!runId || runId === seenRunId.current) return;
    seenRunId.current = runId;
    if (runTeamId !== teamId) showPlace(categoryId, judgeId, fieldId, runTeamId);
  }, [runId, runTeamId, teamId, categoryId, judgeId, fieldId]);

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
      : nextOwnMazeAttempt(teamAttempts, entered.get(team.id), ruleSet.params.attempts)
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
                onClick={() => showPlace(categoryId, judgeId, field.id, teamId)}
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
                    setRecorded(null);
                    showPlace(categoryId, judgeId, fieldId, candidate.id);
                    revealWork('maze-run');
                  }}
                >
                  <span className="queue__name">
                    {candidate.name}
                    {onField ? (
                      <span className="chip chip--ok">{t('judge.maze.onField')}</span>
                    ) : null}
                    <WaitingMark count={waiting.get(candidate.id)} />
                  </span>
                  <span className="queue__meta">
                    {t('judge.maze.attemptsUsed', { used, max: ruleSet.params.attempts })} ·{' '}
                    <TeamResult row={preview.rows.get(candidate.id)} precision={precision} />
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="maze__run" id="maze-run">
        {recorded ? (
          <AttemptRecorded
            recorded={recorded}
            onDismiss={forgetRecorded}
            review={
              entryModeOf(ruleSet) === 'double' && me.judge.role === 'judge' && team
                ? preview.rows.get(team.id)?.review
                : undefined
            }
          />
        ) : null}
        {!team ? (
          <p className="hint-box">{t('judge.maze.pickTeam')}</p>
        ) : attempt === null ? (
          <p className="hint-box">{t('judge.maze.allAttemptsUsed', { name: team.name })}</p>
        ) : (
          <>
            <div className="run-head">
              <h3 className="run-title">
                {team.name} · {t('judge.maze.attemptN', { attempt, max: ruleSet.params.attempts })}
              </h3>
              <p className="muted">
                {t('judge.maze.bestSoFar')}:{' '}
                <TeamResult row={preview.rows.get(team.id)} precision={precision} />
              </p>
            </div>
            {fieldId ? (
              <SensorPanel
                fieldId={fieldId}
                live={live}
                categoryId={category.id}
                teamId={team.id}
                teamName={team.name}
                attempt={attempt}
                ours={ours}
                locked={category.status === 'locked'}
              />
            ) : (
              <StopwatchInspection categoryId={category.id} teamId={team.id} teamName={team.name} />
            )}
            <MazeAttemptForm
              key={`${team.id}:${attempt}`}
              category={category}
              ruleSet={ruleSet}
              teamId={team.id}
              teamName={team.name}
              attempt={attempt}
              sensorMs={sensorMs}
              fieldId={ours ? fieldId : null}
              onConfirmed={(what) => {
                setRecorded(what);
                if (runOfCategory && ours)
                  setConfirmedRuns((list) => rememberConfirmedRun(runOfCategory.runId, list));
              }}
              onEdit={forgetRecorded}
              runStartedAt={ours && runOfCategory?.state === 'running' ? live.startedHere : null}
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
