import { routes, type ScoreSheet, type TypedSheetResult } from '@olympiad/contracts';
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
  linesOfDraft,
  sheetCodeIn,
  type LineDraft,
  type LineOutcome,
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
  const [drafts, setDrafts] = useState<Map<number, LineDraft>>(new Map());
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TypedSheetResult | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const [serverProblems, setServerProblems] = useState<Map<number, string[]>>(new Map());

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

  const draftOf = (row: number) => drafts.get(row) ?? emptyLine();
  const change = (row: number, patch: Partial<LineDraft>) => {
    setDrafts((before) => new Map(before).set(row, { ...draftOf(row), ...patch }));
    setResult(null);
  };
  const { lines, problems } = linesOfDraft(drafts);
  const outcomes: { value: LineOutcome; label: string }[] = [
    { value: 'blank', label: t('judge.sheet.blank') },
    { value: 'finished', label: t('judge.sheet.finished') },
    { value: 'not-finished', label: t('judge.sheet.notFinished') },
    { value: 'no-start', label: t('judge.sheet.noStart') },
  ];

  const record = async () => {
    setShown(true);
    setSendError(null);
    setServerProblems(new Map());
    if (problems.size > 0) return;
    if (lines.length === 0) {
      setSendError(t('judge.sheet.nothingTyped'));
      return;
    }
    setBusy(true);
    try {
      setResult(
        await api.call(routes.scoreSheets.typeIn, {
          params: { code: sheet.code },
          body: { lines },
        }),
      );
    } catch (error) {
      setSendError(describeError(lang, error));
      if (error instanceof ApiError) {
        const byRow = new Map<number, string[]>();
        for (const issue of error.issues) {
          const index = /^lines\.(\d+)\./.exec(issue.path)?.[1];
          const row = index === undefined ? undefined : lines[Number(index)]?.row;
          if (row === undefined) continue;
          byRow.set(row, [
            ...(byRow.get(row) ?? []),
            translateKey(lang, issue.key, issue.message, { row }),
          ]);
        }
        if (byRow.size > 0) setSendError(t('judge.sheet.notRecorded'));
        setServerProblems(byRow);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <p className="paper-sheet__heading">
        <strong>{sheet.categoryName}</strong> · {sheet.fieldName ?? t('judge.sheet.anyField')} ·{' '}
        {t('judge.sheet.attempt', { attempt: sheet.round })} ·{' '}
        <span data-sheet-code>{printedSheetCode(sheet.code)}</span>
      </p>
      <ol className="paper-sheet__lines">
        {sheet.rows.map((row) => {
          const draft = draftOf(row.row);
          const own = shown ? problems.get(row.row) : undefined;
          const fromServer = serverProblems.get(row.row) ?? [];
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
                                checkpoints: on
                                  ? draft.checkpoints.filter((id) => id !== checkpoint.id)
                                  : sheet.layout.checkpoints
                                      .map((c) => c.id)
                                      .filter(
                                        (id) =>
                                          id === checkpoint.id || draft.checkpoints.includes(id),
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
              {fromServer.length > 0 ? (
                <ul className="paper-sheet__problems" role="alert">
                  {fromServer.map((text) => (
                    <li key={text}>{text}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
      {sendError ? <StatusBanner kind="error">{sendError}</StatusBanner> : null}
      {result ? (
        <StatusBanner kind="success">
          {t('judge.sheet.recorded', { count: result.recorded })}
          {result.alreadyRecorded > 0
            ? `. ${t('judge.sheet.alreadyRecorded', { count: result.alreadyRecorded })}.`
            : '.'}
        </StatusBanner>
      ) : null}
      <div className="paper-sheet__actions">
        <Button large busy={busy} onClick={() => void record()}>
          {t('judge.sheet.record')}
        </Button>
        <Link className="ui-button ui-button--secondary" href={paths.sheet()}>
          {t('judge.sheet.another')}
        </Link>
      </div>
    </div>
  );
}
