import {
  routes,
  type MazeScoreSheet,
  type ScoreSheet,
  type SumoScoreSheet,
  type TypeInSheet,
  type TypedSheetResult,
} from '@olympiad/contracts';
import { translateKey } from '@olympiad/i18n';
import { printedSheetCode } from '@olympiad/scoring';
import {
  ApiError,
  Button,
  ChoiceGroup,
  describeError,
  Link,
  navigate,
  StatusBanner,
  TextField,
  useLanguage,
} from '@olympiad/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useJudge } from '../app/judge-context';
import { paths } from '../app/judge-routes';
import { QrScanner } from './qr-scanner';
import {
  emptyLine,
  emptyMatch,
  linesOfDraft,
  matchesOfDraft,
  sheetCodeIn,
  type LineDraft,
  type LineOutcome,
  type MatchDraft,
} from './sheet-draft';
import './paper-sheet.css';

/**
 * Typing in a paper score sheet (README, "Paper fallback"): the sheet found by its QR code or its
 * printed code, a form laid out like the paper, the lines sent once; the entries' ids come from
 * the sheet, so typing it again records nothing twice.
 */
export function SheetPage({ code }: { code: string | null }) {
  const { t } = useLanguage();
  return (
    <section aria-labelledby="sheet-title" className="screen paper-sheet">
      <p>
        <Link href={paths.home()}>← {t('common.back')}</Link>
      </p>
      <h2 id="sheet-title">{t('judge.sheet.title')}</h2>
      {code ? <SheetForm key={code} code={code} /> : <FindSheet />}
    </section>
  );
}

function FindSheet() {
  const { t } = useLanguage();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = (text: string) => {
    const code = sheetCodeIn(text);
    if (!code) {
      setError(t('judge.sheet.badCode'));
      return;
    }
    navigate(paths.sheet(code));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    open(typed);
  };
  return (
    <div className="paper-sheet__find">
      <QrScanner onRead={open} />
      <form onSubmit={submit} className="paper-sheet__code">
        <TextField
          label={t('judge.sheet.code')}
          hint={t('judge.sheet.codeHint')}
          value={typed}
          error={error}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            setTyped(event.target.value);
            setError(null);
          }}
        />
        <Button type="submit" large>
          {t('judge.sheet.find')}
        </Button>
      </form>
    </div>
  );
}

function SheetForm({ code }: { code: string }) {
  const { lang, t } = useLanguage();
  const { api } = useJudge();
  const [sheet, setSheet] = useState<ScoreSheet | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api
      .call(routes.scoreSheets.get, { params: { code } })
      .then((found) => current && setSheet(found))
      .catch((error: unknown) => current && setLoadError(describeError(lang, error)));
    return () => {
      current = false;
    };
  }, [api, code, lang]);

  if (loadError) {
    return (
      <StatusBanner
        kind="error"
        action={<Link href={paths.sheet()}>{t('judge.sheet.another')}</Link>}
      >
        {loadError}
      </StatusBanner>
    );
  }
  if (!sheet) return <StatusBanner kind="loading">{t('common.loading')}</StatusBanner>;
  return (
    <div>
      <p className="paper-sheet__heading">
        <strong>{sheet.categoryName}</strong> · {sheet.fieldName ?? t('judge.sheet.anyField')} ·{' '}
        {sheet.discipline === 'maze'
          ? t('judge.sheet.attempt', { attempt: sheet.round })
          : t('judge.sheet.set', { set: sheet.round })}{' '}
        · <span data-sheet-code>{printedSheetCode(sheet.code)}</span>
      </p>
      {sheet.discipline === 'maze' ? (
        <MazeSheetForm sheet={sheet} />
      ) : (
        <SumoSheetForm sheet={sheet} />
      )}
    </div>
  );
}

/** Sending a typed sheet and what came back: the counts, or the refusals by line. */
function useSheetRecording(sheet: ScoreSheet) {
  const { lang, t } = useLanguage();
  const { api } = useJudge();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TypedSheetResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [byRow, setByRow] = useState<Map<number, string[]>>(new Map());

  const record = async (body: TypeInSheet, rows: number[]) => {
    setError(null);
    setByRow(new Map());
    if (rows.length === 0) {
      setError(t('judge.sheet.nothingTyped'));
      return;
    }
    setBusy(true);
    try {
      setResult(await api.call(routes.scoreSheets.typeIn, { params: { code: sheet.code }, body }));
    } catch (caught) {
      setError(describeError(lang, caught));
      if (caught instanceof ApiError) {
        const problems = new Map<number, string[]>();
        for (const issue of caught.issues) {
          const index = /^(?:lines|matches)\.(\d+)\./.exec(issue.path)?.[1];
          const row = index === undefined ? undefined : rows[Number(index)];
          if (row === undefined) continue;
          const text = translateKey(lang, issue.key, issue.message, { row });
          problems.set(row, [...(problems.get(row) ?? []), text]);
        }
        if (problems.size > 0) setError(t('judge.sheet.notRecorded'));
        setByRow(problems);
      }
    } finally {
      setBusy(false);
    }
  };

  const changed = () => setResult(null);
  const problemsOf = (row: number) => {
    const texts = byRow.get(row) ?? [];
    return texts.length > 0 ? (
      <ul className="paper-sheet__problems" role="alert">
        {texts.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    ) : null;
  };
  const footer = (onRecord: () => void) => (
    <>
      {error ? <StatusBanner kind="error">{error}</StatusBanner> : null}
      {result ? (
        <StatusBanner kind="success">
          {t('judge.sheet.recorded', { count: result.recorded })}
          {result.alreadyRecorded > 0
            ? `. ${t('judge.sheet.alreadyRecorded', { count: result.alreadyRecorded })}.`
            : '.'}
        </StatusBanner>
      ) : null}
      <div className="paper-sheet__actions">
        <Button large busy={busy} onClick={onRecord}>
          {t('judge.sheet.record')}
        </Button>
        <Link className="ui-button ui-button--secondary" href={paths.sheet()}>
          {t('judge.sheet.another')}
        </Link>
      </div>
    </>
  );
  return { record, changed, problemsOf, footer };
}

function MazeSheetForm({ sheet }: { sheet: MazeScoreSheet }) {
  const { t } = useLanguage();
  const recording = useSheetRecording(sheet);
  const [drafts, setDrafts] = useState<Map<number, LineDraft>>(new Map());
  const [shown, setShown] = useState(false);
  const draftOf = (row: number) => drafts.get(row) ?? emptyLine();
  const change = (row: number, patch: Partial<LineDraft>) => {
    setDrafts((before) => new Map(before).set(row, { ...draftOf(row), ...patch }));
    recording.changed();
  };
  const { lines, problems } = linesOfDraft(drafts);
  const outcomes: { value: LineOutcome; label: string }[] = [
    { value: 'blank', label: t('judge.sheet.blank') },
    { value: 'finished', label: t('judge.sheet.finished') },
    { value: 'not-finished', label: t('judge.sheet.notFinished') },
    { value: 'no-start', label: t('judge.sheet.noStart') },
  ];
  const record = () => {
    setShown(true);
    if (problems.size > 0) return;
    void recording.record(
      { lines },
      lines.map((line) => line.row),
    );
  };

  return (
    <>
      <ol className="paper-sheet__lines">
        {sheet.rows.map((row) => {
          const draft = draftOf(row.row);
          const own = shown ? problems.get(row.row) : undefined;
          const timed = draft.outcome === 'finished' || draft.outcome === 'not-finished';
          return (
            <li key={row.row} className="paper-sheet__line" data-sheet-row={row.row}>
              <div className="paper-sheet__team">
                <span className="paper-sheet__number">{row.row}</span>
                <span>
                  <strong>{row.teamName}</strong>
                  <br />
                  <span className="muted">{row.school}</span>
                </span>
              </div>
              <ChoiceGroup
                label={t('judge.sheet.outcome', { row: row.row })}
                options={outcomes}
                value={draft.outcome}
                onChange={(outcome) => change(row.row, { outcome })}
              />
              {timed ? (
                <div className="paper-sheet__boxes">
                  <TextField
                    label={t('judge.sheet.time')}
                    hint={t('judge.sheet.timeHint')}
                    inputMode="decimal"
                    value={draft.time}
                    error={own?.time ? t(own.time) : null}
                    onChange={(event) => change(row.row, { time: event.target.value })}
                  />
                  <TextField
                    label={t('judge.sheet.touches')}
                    inputMode="numeric"
                    value={draft.touches}
                    error={own?.touches ? t(own.touches) : null}
                    onChange={(event) => change(row.row, { touches: event.target.value })}
                  />
                  {sheet.layout.checkpoints.length > 0 ? (
                    <fieldset className="paper-sheet__checkpoints">
                      <legend>{t('judge.sheet.checkpoints')}</legend>
                      {sheet.layout.checkpoints.map((checkpoint) => {
                        const on = draft.checkpoints.includes(checkpoint.id);
                        return (
                          <Button
                            key={checkpoint.id}
                            variant={on ? 'primary' : 'secondary'}
                            aria-pressed={on}
                            onClick={() =>
                              change(row.row, {
                                checkpoints: sheet.layout.checkpoints
                                  .map((c) => c.id)
                                  .filter((id) =>
                                    id === checkpoint.id ? !on : draft.checkpoints.includes(id),
                                  ),
                              })
                            }
                          >
                            {checkpoint.id}
                          </Button>
                        );
                      })}
                    </fieldset>
                  ) : null}
                </div>
              ) : null}
              {recording.problemsOf(row.row)}
            </li>
          );
        })}
      </ol>
      {recording.footer(record)}
    </>
  );
}

function SumoSheetForm({ sheet }: { sheet: SumoScoreSheet }) {
  const { t } = useLanguage();
  const recording = useSheetRecording(sheet);
  const [drafts, setDrafts] = useState<Map<number, MatchDraft>>(new Map());
  const draftOf = (row: number) => drafts.get(row) ?? emptyMatch(sheet.layout.maxRounds);
  const change = (row: number, draft: MatchDraft) => {
    setDrafts((before) => new Map(before).set(row, draft));
    recording.changed();
  };
  const matches = matchesOfDraft(drafts);
  const record = () =>
    void recording.record(
      { matches },
      matches.map((match) => match.row),
    );

  return (
    <>
      <ol className="paper-sheet__lines">
        {sheet.rows.map((row) => {
          const draft = draftOf(row.row);
          const sides = [
            { value: 'none' as const, label: t('judge.sheet.notPlayed') },
            { value: 'a' as const, label: `A · ${row.a.name}` },
            { value: 'b' as const, label: `B · ${row.b.name}` },
            { value: 'draw' as const, label: t('judge.sheet.draw') },
          ];
          return (
            <li key={row.row} className="paper-sheet__line" data-sheet-row={row.row}>
              <div className="paper-sheet__team">
                <span className="paper-sheet__number">{row.row}</span>
                <span>
                  <strong>
                    A · {row.a.name} — B · {row.b.name}
                  </strong>
                  <br />
                  <span className="muted">{row.matchId}</span>
                </span>
              </div>
              <ChoiceGroup
                label={t('judge.sheet.noShowOf', { row: row.row })}
                options={[
                  { value: 'none' as const, label: t('judge.sheet.everyoneCame') },
                  { value: 'a' as const, label: `${t('judge.sheet.noShow')}: A` },
                  { value: 'b' as const, label: `${t('judge.sheet.noShow')}: B` },
                  { value: 'both' as const, label: t('judge.sheet.neitherCame') },
                ]}
                value={draft.noShow}
                onChange={(noShow) => change(row.row, { ...draft, noShow })}
              />
              {draft.noShow === 'none'
                ? draft.rounds.map((round, index) => (
                    <div key={index} className="paper-sheet__round">
                      <span className="paper-sheet__round-name">
                        {t('judge.sheet.round', { round: index + 1 })}
                      </span>
                      <ChoiceGroup
                        label={t('judge.sheet.roundOf', { row: row.row, round: index + 1 })}
                        options={sides}
                        value={round ?? 'none'}
                        onChange={(value) =>
                          change(row.row, {
                            ...draft,
                            rounds: draft.rounds.map((before, at) =>
                              at === index ? (value === 'none' ? null : value) : before,
                            ),
                          })
                        }
                      />
                    </div>
                  ))
                : null}
              {recording.problemsOf(row.row)}
            </li>
          );
        })}
      </ol>
      {recording.footer(record)}
    </>
  );
}
