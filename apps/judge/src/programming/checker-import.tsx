import { PROGRAMMING_TASK, type ProgrammingRuleSet, readCheckerCsv } from '@olympiad/scoring';
import { Button, StatusBanner, useLanguage } from '@olympiad/ui';
import { type ChangeEvent, useMemo, useState } from 'react';
import { useJudge } from '../app/judge-context';
import type { ScreenProps } from '../category/category-page';
import { fieldErrorText } from '../category/field-error-text';
import { buildEntry } from '../category/new-entry';
import type { LedgerEntryInput } from '@olympiad/contracts';
import { taskPoints } from './task-points';
import { teamMatcher } from './team-matcher';

interface PreviewRow {
  line: number;
  teamName: string;
  task: string;
  before: number | undefined;
  after: number | null;
  change: 'new' | 'up' | 'down' | 'same' | 'error';
  problem: string | null;
  entry: LedgerEntryInput | null;
  label: string;
}

/** Paste or open a checker's CSV, see what would change for every team, then import it. */
export function CheckerImport({ state }: ScreenProps) {
  const { lang, t } = useLanguage();
  const { outbox } = useJudge();
  const { category, teams } = state.data;
  const ruleSet = category.ruleSet as ProgrammingRuleSet;
  const [text, setText] = useState('');
  const [imported, setImported] = useState<number | null>(null);
  const current = useMemo(
    () => taskPoints(state.records, ruleSet.params),
    [state.records, ruleSet.params],
  );

  const rows = useMemo<PreviewRow[]>(() => {
    if (!text.trim()) return [];
    const find = teamMatcher(teams);
    const names = new Map(teams.map((team) => [team.id, team.name]));
    return readCheckerCsv(text).lines.map((row) => {
      const teamId = find(row.team);
      const base = {
        line: row.line,
        teamName: teamId ? (names.get(teamId) ?? row.team) : row.team,
        task: row.task,
        after: row.points,
      };
      if (!teamId)
        return {
          ...base,
          before: undefined,
          change: 'error',
          problem: t('judge.import.unknownTeam'),
          entry: null,
          label: '',
        };
      const before = current.get(teamId)?.get(row.task);
      if (row.points === null)
        return {
          ...base,
          before,
          change: 'error',
          problem: t('judge.import.badPoints'),
          entry: null,
          label: '',
        };
      const built = buildEntry(ruleSet, {
        categoryId: category.id,
        teamId,
        kind: PROGRAMMING_TASK,
        payload: { task: row.task, points: row.points },
      });
      if (!built.ok) {
        return {
          ...base,
          before,
          change: 'error',
          problem: built.errors.map((e) => fieldErrorText(lang, e)).join(' '),
          entry: null,
          label: '',
        };
      }
      const change =
        before === undefined
          ? 'new'
          : row.points > before
            ? 'up'
            : row.points < before
              ? 'down'
              : 'same';
      return {
        ...base,
        before,
        change,
        problem: null,
        entry: change === 'same' ? null : built.entry,
        label: `${base.teamName} · ${row.task}`,
      };
    });
  }, [text, teams, current, ruleSet, category.id, lang, t]);

  const changes = rows.filter((row) => row.entry !== null);
  const problems = rows.filter((row) => row.change === 'error').length;

  async function importAll() {
    for (const row of changes) if (row.entry) await outbox.add(row.entry, row.label);
    setImported(changes.length);
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
