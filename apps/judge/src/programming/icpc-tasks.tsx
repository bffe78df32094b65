import {
  countsWrongTries,
  type FieldError,
  formatContestTime,
  type IcpcTaskState,
  type ProgrammingRuleSet,
  type StandingRow,
  taskDraftPayloads,
} from '@olympiad/scoring';
import { Button, StatusBanner, useLanguage } from '@olympiad/ui';
import { useMemo, useState } from 'react';
import { useJudge } from '../app/judge-context';
import type { ScreenProps } from '../category/category-page';
import { fieldErrorText } from '../category/field-error-text';
import { TeamWorkPanes } from '../category/team-work-panes';
import { useStandingsPreview } from '../category/use-standings-preview';
import { icpcStates } from './icpc-states';
import './programming.css';
import { type LabelledEntry, taskEntries } from './task-entries';

interface Draft {
  solved: boolean | null;
  time: string;
  wrongTries: number | null;
}

const EMPTY: Draft = { solved: null, time: '', wrongTries: null };

/** The team's standing in ICPC words: tasks solved and penalty minutes (docs/rules.md, Programming). */
function IcpcSummary({ row }: { row: StandingRow | undefined }) {
  const { t } = useLanguage();
  if (!row || row.status !== 'ranked') return null;
  const { solved, penaltyMs } = row.detail as { solved?: number; penaltyMs?: number };
  if (solved === undefined || penaltyMs === undefined) return null;
  return (
    <p className="icpc-summary" data-testid="icpc-summary">
      {t('judge.programming.icpcSummary', {
        solved,
        minutes: Math.floor(penaltyMs / 60_000),
      })}
    </p>
  );
}

/**
 * ICPC rules from the tablet (docs/judge-tablet.md#programming-under-icpc-rules): per task, solved or not, the
 * contest time, and the wrong tries when they cost time; saved as the submissions the rules read.
 */
export function IcpcTasks({ state }: ScreenProps) {
  const { lang, t } = useLanguage();
  const { outbox } = useJudge();
  const { category, teams } = state.data;
  const ruleSet = category.ruleSet as ProgrammingRuleSet;
  const params = ruleSet.params;
  const counted = countsWrongTries(params);
  const preview = useStandingsPreview(state.data, state.records);
  const recordedAll = useMemo(() => icpcStates(state.records, params), [state.records, params]);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [errors, setErrors] = useState<{ task: string; error: FieldError }[]>([]);
  const [savedCount, setSavedCount] = useState<number | null>(null);
  const team = teams.find((candidate) => candidate.id === teamId);
  const recorded = (teamId && recordedAll.get(teamId)) || new Map<string, IcpcTaskState>();

  const draftOf = (taskId: string) => drafts[taskId] ?? EMPTY;
  const change = (taskId: string, patch: Partial<Draft>) => {
    setSavedCount(null);
    setDrafts((all) => ({ ...all, [taskId]: { ...(all[taskId] ?? EMPTY), ...patch } }));
  };

  async function save() {
    if (!team) return;
    const problems: { task: string; error: FieldError }[] = [];
    const entries: LabelledEntry[] = [];
    for (const task of params.tasks) {
      const draft = draftOf(task.id);
      const made = taskDraftPayloads(
        params,
        task,
        { points: null, groups: null, ...draft },
        recorded.get(task.id),
      );
      const name = task.title || task.id;
      if (!made.ok) {
        problems.push(...made.errors.map((error) => ({ task: name, error })));
        continue;
      }
      const built = taskEntries(ruleSet, category.id, team, name, made.value);
      entries.push(...built.entries);
      problems.push(...built.errors.map((error) => ({ task: name, error })));
    }
    if (problems.length > 0) {
      setErrors(problems);
      return;
    }
    setErrors([]);
    // In order: a task's wrong tries before its accepted submission (the rules count them so).
    for (const { entry, label } of entries) await outbox.add(entry, label);
    setDrafts({});
    setSavedCount(entries.length);
  }

  const anyDraft = params.tasks.some((task) => draftOf(task.id).solved !== null);

  return (
    <TeamWorkPanes
      teams={teams}
      rows={preview.rows}
      team={team}
      onChoose={(id) => {
        setTeamId(id);
        setDrafts({});
        setErrors([]);
        setSavedCount(null);
      }}
    >
      {(team) => (
        <>
          <IcpcSummary row={preview.rows.get(team.id)} />
          <table className="task-table icpc-table">
            <thead>
              <tr>
                <th>{t('judge.programming.task')}</th>
                <th>{t('judge.programming.now')}</th>
                <th>{t('judge.programming.verdict')}</th>
              </tr>
            </thead>
            <tbody>
              {params.tasks.map((task) => {
                const now = recorded.get(task.id);
                const draft = draftOf(task.id);
                const name = task.title || task.id;
                const tries = draft.wrongTries ?? now?.wrongTries ?? 0;
                return (
                  <tr key={task.id} data-testid={`icpc-task-${task.id}`}>
                    <th scope="row">{name}</th>
                    <td>
                      {now === undefined ? (
                        <span className="result--none">{t('board.notScored')}</span>
                      ) : now.solved ? (
                        t('judge.programming.solvedAt', {
                          time: formatContestTime(now.acceptedAt ?? 0),
                        })
                      ) : (
                        t('judge.programming.notSolvedYet')
                      )}
                      {now && now.wrongTries > 0 ? (
                        <div className="muted">
                          {t('judge.programming.wrongCount', { count: now.wrongTries })}
                        </div>
                      ) : null}
                    </td>
                    <td>
                      {now?.solved ? null : (
                        <div className="icpc-verdict">
                          <div
                            className="ui-row"
                            role="group"
                            aria-label={t('judge.programming.verdictFor', { task: name })}
                          >
                            {([true, false] as const).map((solved) => (
                              <button
                                key={String(solved)}
                                type="button"
                                aria-pressed={draft.solved === solved}
                                className={`choice ${draft.solved === solved ? 'choice--on' : ''}`}
                                onClick={() =>
                                  change(task.id, {
                                    solved: draft.solved === solved ? null : solved,
                                  })
                                }
                              >
                                {t(
                                  solved
                                    ? 'judge.programming.solved'
                                    : 'judge.programming.notSolved',
                                )}
                              </button>
                            ))}
                          </div>
                          {draft.solved !== null ? (
                            <div className="ui-row icpc-verdict__details">
                              <label className="ui-field icpc-time">
                                <span className="ui-field__label">
                                  {t(
                                    draft.solved
                                      ? 'judge.programming.solvedTime'
                                      : 'judge.programming.lastTryTime',
                                  )}
                                  <span className="muted">
                                    {' '}
                                    · {t('judge.programming.timeHint')}
                                  </span>
                                </span>
                                <input
                                  aria-label={t('judge.programming.contestTimeFor', {
                                    task: name,
                                  })}
                                  className="ui-field__input digits"
                                  inputMode="numeric"
                                  placeholder="1:23:45"
                                  value={draft.time}
                                  onChange={(event) =>
                                    change(task.id, {
                                      time: event.target.value.replace(/[^\d:]/g, ''),
                                    })
                                  }
                                />
                              </label>
                              {counted ? (
                                <div
                                  className="counter"
                                  role="group"
                                  aria-label={t('judge.programming.wrongTriesFor', {
                                    task: name,
                                  })}
                                >
                                  <span className="counter__label">
                                    {t('judge.programming.wrongTries')}
                                  </span>
                                  <Button
                                    variant="secondary"
                                    aria-label={t('judge.programming.triesLess')}
                                    disabled={tries <= (now?.wrongTries ?? 0)}
                                    onClick={() => change(task.id, { wrongTries: tries - 1 })}
                                  >
                                    −
                                  </Button>
                                  <span className="counter__value digits">{tries}</span>
                                  <Button
                                    variant="secondary"
                                    aria-label={t('judge.programming.triesMore')}
                                    onClick={() => change(task.id, { wrongTries: tries + 1 })}
                                  >
                                    +
                                  </Button>
                                </div>
                              ) : null}
                            </div>
                          ) : null}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {errors.length > 0 ? (
            <StatusBanner kind="error">
              {errors.map(({ task, error }) => `${task}: ${fieldErrorText(lang, error)}`).join(' ')}
            </StatusBanner>
          ) : null}
          {savedCount !== null ? (
            <StatusBanner kind="success">
              {t('judge.savedCount', { count: savedCount })}
            </StatusBanner>
          ) : null}
          <Button large disabled={!anyDraft} onClick={() => void save()}>
            {t('judge.save')}
          </Button>
        </>
      )}
    </TeamWorkPanes>
  );
}
