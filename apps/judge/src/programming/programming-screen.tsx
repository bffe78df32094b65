import {
  needsContestTime,
  PROGRAMMING_RUBRIC,
  type FieldError,
  type ProgrammingRuleSet,
  type ProgrammingTask,
  taskDraftPayloads,
} from '@olympiad/scoring';
import { Button, StatusBanner, useLanguage } from '@olympiad/ui';
import { useMemo, useState } from 'react';
import { useJudge } from '../app/judge-context';
import type { ScreenProps } from '../category/category-page';
import { fieldErrorText } from '../category/field-error-text';
import { TeamWorkPanes } from '../category/team-work-panes';
import { useStandingsPreview } from '../category/use-standings-preview';
import { RubricScreen } from '../creative/rubric-screen';
import { CheckerImport } from './checker-import';
import './programming.css';
import { type LabelledEntry, taskEntries } from './task-entries';
import { IcpcTasks } from './icpc-tasks';
import { taskPoints } from './task-points';

/** Points per task for one team, or the import of a checker's result file for the category. */
export function ProgrammingScreen({ state }: ScreenProps) {
  const { t } = useLanguage();
  const ruleSet = state.data.category.ruleSet as ProgrammingRuleSet;
  const [importing, setImporting] = useState(false);
  const rubric = ruleSet.params.rubric;
  if (rubric !== null)
    return <RubricScreen state={state} rubric={rubric} kind={PROGRAMMING_RUBRIC} />;
  return (
    <>
      <div className="ui-row screen__tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={!importing}
          className={`choice ${!importing ? 'choice--on' : ''}`}
          onClick={() => setImporting(false)}
        >
          {t('judge.programming.byTeam')}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={importing}
          className={`choice ${importing ? 'choice--on' : ''}`}
          onClick={() => setImporting(true)}
        >
          {t('judge.programming.import')}
        </button>
      </div>
      {importing ? (
        <CheckerImport state={state} />
      ) : ruleSet.params.submissions === 'icpc' ? (
        <IcpcTasks state={state} />
      ) : (
        <TaskPoints state={state} />
      )}
    </>
  );
}

function TaskPoints({ state }: ScreenProps) {
  const { lang, t } = useLanguage();
  const { outbox } = useJudge();
  const { category, teams } = state.data;
  const ruleSet = category.ruleSet as ProgrammingRuleSet;
  const params = ruleSet.params;
  const preview = useStandingsPreview(state.data, state.records);
  const current = useMemo(() => taskPoints(state.records, params), [state.records, params]);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  // Tasks with test groups: the groups passed (the points are their sum, docs/rules.md).
  const [passed, setPassed] = useState<Record<string, string[]>>({});
  const [times, setTimes] = useState<Record<string, string>>({});
  const withTime = needsContestTime(params);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [savedCount, setSavedCount] = useState<number | null>(null);
  const team = teams.find((candidate) => candidate.id === teamId);
  const teamCurrent = (teamId && current.get(teamId)) || new Map<string, number>();

  /** The points the judge gave a task now: the groups' sum, or the number typed; undefined when none. */
  function typedPoints(task: ProgrammingTask): number | undefined {
    const groups = passed[task.id];
    if (task.groups.length > 0 && groups !== undefined) {
      return task.groups.reduce((sum, g) => sum + (groups.includes(g.id) ? g.points : 0), 0);
    }
    const text = values[task.id];
    return text !== undefined && text.trim() !== '' ? Number(text) : undefined;
  }

  async function save() {
    if (!team) return;
    const problems: FieldError[] = [];
    const entries: LabelledEntry[] = [];
    for (const task of params.tasks) {
      const points = typedPoints(task);
      if (points === undefined) continue;
      const made = taskDraftPayloads(
        params,
        task,
        {
          points: Number.isInteger(points) ? points : -1,
          groups: task.groups.length > 0 ? (passed[task.id] ?? null) : null,
          solved: null,
          time: times[task.id] ?? '',
          wrongTries: null,
        },
        undefined,
      );
      if (!made.ok) {
        problems.push(...made.errors);
        continue;
      }
      const built = taskEntries(ruleSet, category.id, team, task.title || task.id, made.value);
      entries.push(...built.entries);
      problems.push(...built.errors);
    }
    if (problems.length > 0) {
      setErrors(problems);
      return;
    }
    setErrors([]);
    for (const { entry, label } of entries) await outbox.add(entry, label);
    setValues({});
    setPassed({});
    setTimes({});
    setSavedCount(entries.length);
  }

  const total = params.tasks.reduce((sum, task) => {
    const typed = typedPoints(task);
    const now = teamCurrent.get(task.id);
    const counted =
      typed === undefined
        ? now
        : params.submissions === 'last' || now === undefined
          ? typed
          : Math.max(now, typed);
    return sum + (counted !== undefined && Number.isFinite(counted) ? counted : 0);
  }, 0);
  const anyTyped = params.tasks.some((task) => typedPoints(task) !== undefined);
  const anyScored = anyTyped || params.tasks.some((task) => teamCurrent.has(task.id));

  return (
    <TeamWorkPanes
      teams={teams}
      rows={preview.rows}
      team={team}
      onChoose={(id) => {
        setTeamId(id);
        setValues({});
        setPassed({});
        setTimes({});
        setErrors([]);
        setSavedCount(null);
      }}
    >
      {() => (
        <>
          <table className="task-table">
            <thead>
              <tr>
                <th>{t('judge.programming.task')}</th>
                <th>{t('judge.programming.now')}</th>
                <th>{t('judge.programming.points')}</th>
              </tr>
            </thead>
            <tbody>
              {params.tasks.map((task) => {
                const now = teamCurrent.get(task.id);
                return (
                  <tr key={task.id}>
                    <th scope="row">
                      {task.title || task.id}
                      <div className="muted">
                        {t('judge.programming.max', { max: task.maxPoints })}
                      </div>
                    </th>
                    <td className="digits">
                      {now === undefined ? (
                        <span className="result--none">{t('board.notScored')}</span>
                      ) : (
                        now
                      )}
                    </td>
                    <td>
                      {task.groups.length > 0 ? (
                        <div
                          className="choices"
                          role="group"
                          aria-label={t('judge.programming.groupsFor', {
                            task: task.title || task.id,
                          })}
                        >
                          {task.groups.map((group) => {
                            const on = (passed[task.id] ?? []).includes(group.id);
                            return (
                              <button
                                key={group.id}
                                type="button"
                                aria-pressed={on}
                                className={`choice ${on ? 'choice--on' : ''}`}
                                onClick={() =>
                                  setPassed((all) => {
                                    const list = all[task.id] ?? [];
                                    return {
                                      ...all,
                                      [task.id]: on
                                        ? list.filter((id) => id !== group.id)
                                        : [...list, group.id],
                                    };
                                  })
                                }
                              >
                                {t('judge.programming.group', {
                                  group: group.id,
                                  points: group.points,
                                })}
                              </button>
                            );
                          })}
                        </div>
                      ) : (
                        <div className="points-input">
                          <input
                            aria-label={t('judge.programming.pointsFor', {
                              task: task.title || task.id,
                            })}
                            className="ui-field__input digits"
                            inputMode="numeric"
                            value={values[task.id] ?? ''}
                            onChange={(event) =>
                              setValues((v) => ({
                                ...v,
                                [task.id]: event.target.value.replace(/[^\d]/g, ''),
                              }))
                            }
                          />
                          <Button
                            variant="secondary"
                            onClick={() => setValues((v) => ({ ...v, [task.id]: '0' }))}
                          >
                            0
                          </Button>
                          <Button
                            variant="secondary"
                            onClick={() =>
                              setValues((v) => ({ ...v, [task.id]: String(task.maxPoints) }))
                            }
                          >
                            {task.maxPoints}
                          </Button>
                        </div>
                      )}
                      {withTime ? (
                        <input
                          aria-label={t('judge.programming.contestTimeFor', {
                            task: task.title || task.id,
                          })}
                          className="ui-field__input digits icpc-time-input"
                          inputMode="numeric"
                          placeholder="1:23:45"
                          value={times[task.id] ?? ''}
                          onChange={(event) =>
                            setTimes((all) => ({
                              ...all,
                              [task.id]: event.target.value.replace(/[^\d:]/g, ''),
                            }))
                          }
                        />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('judge.programming.total')}</th>
                <td colSpan={2} className="digits" data-testid="programming-total">
                  {anyScored ? total : <span className="result--none">{t('board.notScored')}</span>}
                </td>
              </tr>
            </tfoot>
          </table>
          {errors.length > 0 ? (
            <StatusBanner kind="error">
              {errors.map((e) => fieldErrorText(lang, e)).join(' ')}
            </StatusBanner>
          ) : null}
          {savedCount !== null ? (
            <StatusBanner kind="success">
              {t('judge.savedCount', { count: savedCount })}
            </StatusBanner>
          ) : null}
          <Button large disabled={!anyTyped} onClick={() => void save()}>
            {t('judge.save')}
          </Button>
        </>
      )}
    </TeamWorkPanes>
  );
}
