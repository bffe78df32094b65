import {
  checkCheckerLine,
  PROGRAMMING_TASK,
  type ProgrammingRuleSet,
  readCheckerCsv,
} from '@olympiad/scoring';
import { Button, StatusBanner, useLanguage } from '@olympiad/ui';
import { type ChangeEvent, useMemo, useState } from 'react';
import { useJudge } from '../app/judge-context';
import type { ScreenProps } from '../category/category-page';
import { fieldErrorText } from '../category/field-error-text';
import { buildEntry } from '../category/new-entry';
import type { LedgerEntryInput } from '@olympiad/contracts';
import { icpcStates } from './icpc-states';
import { taskPoints } from './task-points';
import { teamMatcher } from './team-matcher';

interface PreviewRow {
  line: number;
  teamName: string;
  task: string;
  time: string;
  tries: string;
  before: number | undefined;
  after: number | null;
  change: 'new' | 'up' | 'down' | 'same' | 'error';
  problem: string | null;
  entries: LedgerEntryInput[];
  label: string;
}

/** Paste or open a checker's CSV, see what would change for every team, then import it. */
export function CheckerImport({ state }: ScreenProps) {
  const { lang, t } = useLanguage();
  const { outbox } = useJudge();
  const { category, teams } = state.data;
  const ruleSet = category.ruleSet as ProgrammingRuleSet;
  const icpc = ruleSet.params.submissions === 'icpc';
  const [text, setText] = useState('');
  const [imported, setImported] = useState<number | null>(null);
  const current = useMemo(
    () => taskPoints(state.records, ruleSet.params),
    [state.records, ruleSet.params],
  );
  const recorded = useMemo(
    () => icpcStates(state.records, ruleSet.params),
    [state.records, ruleSet.params],
  );
  const table = useMemo(() => readCheckerCsv(text), [text]);

  const rows = useMemo<PreviewRow[]>(() => {
    if (!text.trim()) return [];
    const find = teamMatcher(teams);
    const names = new Map(teams.map((team) => [team.id, team.name]));
    return table.lines.map((row) => {
      const teamId = find(row.team);
      const base = {
        line: row.line,
        teamName: teamId ? (names.get(teamId) ?? row.team) : row.team,
        task: row.task,
        time: row.time,
        tries: row.tries,
        after: row.points,
        entries: [],
        label: '',
      };
      if (!teamId)
        return {
          ...base,
          before: undefined,
          change: 'error',
          problem: t('judge.import.unknownTeam'),
        };
      const before = current.get(teamId)?.get(row.task);
      const taskState = recorded.get(teamId)?.get(row.task);
      if (icpc && taskState?.solved) {
        // ICPC counts nothing after the accepted submission: the line changes nothing.
        return { ...base, before, change: 'same', problem: null };
      }
      const checked = checkCheckerLine(ruleSet, row, table.columns, taskState);
      if (!checked.ok) {
        return {
          ...base,
          before,
          change: 'error',
          problem: checked.errors.map((e) => fieldErrorText(lang, e)).join(' '),
        };
      }
      const entries = checked.value.flatMap((payload) => {
        const built = buildEntry(ruleSet, {
          categoryId: category.id,
          teamId,
          kind: PROGRAMMING_TASK,
          payload,
        });
        return built.ok ? [built.entry] : [];
      });
      const points = row.points ?? 0;
      const change =
        before === undefined
          ? 'new'
          : points > before
            ? 'up'
            : points < before
              ? 'down'
              : icpc && entries.length > 0
                ? 'new'
                : 'same';
      return {
        ...base,
        before,
        change,
        problem: null,
        entries: change === 'same' ? [] : entries,
        label: `${base.teamName} · ${row.task}`,
      };
    });
  }, [text, table, teams, current, recorded, icpc, ruleSet, category.id, lang, t]);

  const changes = rows.filter((row) => row.entries.length > 0);
  const problems = rows.filter((row) => row.change === 'error').length;

  async function importAll() {
    let count = 0;
    // A line's wrong tries go before its accepted submission (the rules count them so).
    for (const row of changes) {
      for (const entry of row.entries) await outbox.add(entry, row.label);
      count += row.entries.length;
    }
    setImported(count);
    setText('');
  }

  async function openFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  }

  return (
    <div className="panel checker-import">
      <p className="muted">{t('judge.import.explain')}</p>
      <label className="ui-button ui-button--secondary file-button">
        {t('judge.import.openFile')}
        <input
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(event) => void openFile(event)}
        />
      </label>
      <label className="ui-field">
        <span className="ui-field__label">{t('judge.import.paste')}</span>
        <textarea
          className="ui-field__input csv-text"
          rows={6}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      {imported !== null ? (
        <StatusBanner kind="success">{t('judge.savedCount', { count: imported })}</StatusBanner>
      ) : null}
      {rows.length > 0 ? (
        <>
          <p role="status">
            {t('judge.import.summary', { changes: changes.length, problems, rows: rows.length })}
          </p>
          <table className="preview-table">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('board.table.team')}</th>
                <th>{t('judge.programming.task')}</th>
                {table.columns.time !== null ? <th>{t('judge.programming.contestTime')}</th> : null}
                {table.columns.tries !== null ? <th>{t('judge.programming.wrongTries')}</th> : null}
                <th>{t('judge.programming.now')}</th>
                <th>{t('judge.import.new')}</th>
                <th>{t('judge.import.change')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.line} className={`change change--${row.change}`}>
                  <td>{row.line}</td>
                  <td>{row.teamName}</td>
                  <td>{row.task}</td>
                  {table.columns.time !== null ? <td className="digits">{row.time}</td> : null}
                  {table.columns.tries !== null ? <td className="digits">{row.tries}</td> : null}
                  <td className="digits">{row.before ?? '—'}</td>
                  <td className="digits">{row.after ?? '—'}</td>
                  <td>
                    {row.problem ??
                      t(`judge.import.change.${row.change}` as 'judge.import.change.new')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Button large disabled={changes.length === 0} onClick={() => void importAll()}>
            {t('judge.import.apply', { count: changes.length })}
          </Button>
        </>
      ) : null}
    </div>
  );
}
