import {
  REGISTRATION_FIELDS,
  routePath,
  routes,
  type RouteAnswer,
  type RouteOf,
  type RegistrationField,
  type RegistrationMapping,
  type RegistrationCommitJob,
  type RegistrationPreview,
  type RegistrationProblem,
  type RegistrationResult,
} from '@olympiad/contracts';
import type { MessageKey } from '@olympiad/i18n';
import { translateKey } from '@olympiad/i18n';
import {
  ApiError,
  Button,
  describeError,
  ProgressBar,
  StatusBanner,
  useLanguage,
  type ApiClient,
} from '@olympiad/ui';
import { useEffect, useId, useRef, useState } from 'react';
import type { ConsoleApi } from '../stage/console-context';
import { uploadWithProgress } from '../transfer/file-transfer';

type Step =
  | { kind: 'idle' }
  | { kind: 'sending'; percent: number; saving: number | null }
  | { kind: 'saving'; job: RegistrationCommitJob }
  | { kind: 'preview'; preview: RegistrationPreview }
  | { kind: 'done'; result: RegistrationResult };

const PREVIEW_ROWS = 50;
const POLL_MS = 250;
/** Polls that may fail in a row (Wi-Fi) before the console gives up watching; the server goes on. */
const POLL_FAILURES = 20;

/** Follows a commit job until it is done (its result) or failed (its error, nothing written). */
async function followCommit(
  api: ApiClient,
  stageId: string,
  job: RegistrationCommitJob,
  onJob: (job: RegistrationCommitJob) => void,
  alive: () => boolean,
): Promise<RegistrationResult> {
  let current = job;
  let failures = 0;
  while (current.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (!alive()) throw new ApiError(0, 'errors.unknown', 'The import panel was closed');
    try {
      current = await api.call(routes.registration.commit, { params: { stageId, jobId: job.id } });
      failures = 0;
      onJob(current);
    } catch (error) {
      if (++failures >= POLL_FAILURES) throw error;
    }
  }
  if (current.state === 'failed' || !current.result)
    throw ApiError.fromBody(current.error?.statusCode ?? 500, current.error);
  return current.result;
}

/** The label of the save step: checking again, rows written so far, then the standings. */
function savingLabel(job: RegistrationCommitJob, t: ReturnType<typeof useLanguage>['t']): string {
  if (job.phase === 'checking') return t('console.import.savingCheck');
  if (job.phase === 'writing')
    return t('console.import.savingProgress', { written: job.teamsWritten, total: job.teamsTotal });
  return t('console.import.savingStandings');
}

const isLostLetter = (problem: RegistrationProblem) =>
  problem.key === 'registration.problem.lostKazakhLetters' ||
  problem.key === 'registration.problem.questionMarkInWord';

/** The cell's text with each "?" that stands for a lost letter marked, so the eye finds it. */
const markQuestionMarks = (text: string) =>
  text
    .split(/(\?+)/)
    .map((part, index) => (part.startsWith('?') ? <mark key={index}>{part}</mark> : part));

const fieldLabel = (field: RegistrationField): MessageKey =>
  `console.import.field.${field}` as MessageKey;

/**
 * Teams from a school's CSV or XLSX: the file is checked by the server (nothing written), every
 * problem is listed by row and column, unknown headers can be mapped by hand, and only "Import"
 * writes — the same file, checked again, in one transaction.
 */
export function ImportPanel({
  console: consoleApi,
  stageId,
  onImported,
}: {
  console: ConsoleApi;
  stageId: string;
  onImported: () => void;
}) {
  const { lang, t } = useLanguage();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [mapping, setMapping] = useState<RegistrationMapping>({});
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [fixLookalikes, setFixLookalikes] = useState(true);
  const [failure, setFailure] = useState<unknown>(null);
  const [savedNothing, setSavedNothing] = useState(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const send = async <
    R extends typeof routes.registration.preview | typeof routes.registration.startCommit,
  >(
    route: R,
    chosen: File,
    fields: Record<string, string>,
    saving: number | null = null,
  ): Promise<RouteAnswer<RouteOf<R>>> => {
    const form = new FormData();
    form.append('file', chosen, chosen.name);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return uploadWithProgress<RouteAnswer<RouteOf<R>>>(
      routePath(route, { params: { stageId } }),
      form,
      consoleApi.getToken,
      (percent) => setStep({ kind: 'sending', percent, saving }),
    );
  };

  const check = async (chosen: File, chosenMapping: RegistrationMapping) => {
    setFailure(null);
    setStep({ kind: 'sending', percent: 0, saving: null });
    try {
      const fields: Record<string, string> =
        Object.keys(chosenMapping).length > 0 ? { mapping: JSON.stringify(chosenMapping) } : {};
      const preview = await send(routes.registration.preview, chosen, fields);
      setSkipInvalid(false);
      setStep({ kind: 'preview', preview });
    } catch (error) {
      setFailure(error);
      setStep({ kind: 'idle' });
    }
  };

  // The file goes up with upload progress, then the server writes it in one transaction as a job
  // whose progress is polled: nothing is visible until it is done, and a failed job wrote nothing.
  const confirm = async (preview: RegistrationPreview) => {
    if (!file) return;
    setFailure(null);
    setSavedNothing(false);
    const count = preview.summary.valid;
    setStep({ kind: 'sending', percent: 0, saving: count });
    let started = false;
    try {
      const fields: Record<string, string> = {
        fileHash: preview.fileHash,
        skipInvalid: String(skipInvalid),
        fixLookalikes: String(fixLookalikes),
      };
      if (Object.keys(mapping).length > 0) fields['mapping'] = JSON.stringify(mapping);
      const job = await send(routes.registration.startCommit, file, fields, count);
      started = true;
      setStep({ kind: 'saving', job });
      const result = await followCommit(
        consoleApi.api,
        stageId,
        job,
        (next) => mounted.current && setStep({ kind: 'saving', job: next }),
        () => mounted.current,
      );
      if (!mounted.current) return;
      setStep({ kind: 'done', result });
      onImported();
    } catch (error) {
      if (!mounted.current) return;
      setFailure(error);
      // A refused start or a failed job wrote nothing; a lost connection while watching cannot say.
      setSavedNothing(!started || !(error instanceof ApiError && error.isNetwork));
      setStep({ kind: 'preview', preview });
    }
  };

  const reset = () => {
    setSavedNothing(false);
    setFile(null);
    setMapping({});
    setStep({ kind: 'idle' });
    setFailure(null);
    if (input.current) input.current.value = '';
  };

  return (
    <section className="ui-card import-panel" aria-labelledby={`${inputId}-title`}>
      <h3 id={`${inputId}-title`}>{t('console.import.title')}</h3>
      <p className="ui-muted">{t('console.import.intro')}</p>
      <label className="ui-button ui-button--secondary file-button" htmlFor={inputId}>
        {t('console.import.choose')}
      </label>
      <input
        ref={input}
        id={inputId}
        className="visually-hidden"
        type="file"
        accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(event) => {
          const chosen = event.target.files?.[0] ?? null;
          setFile(chosen);
          setMapping({});
          if (chosen) void check(chosen, {});
        }}
      />
      {file ? <span className="import-panel__file">{file.name}</span> : null}
      {step.kind === 'sending' ? (
        <ProgressBar
          label={
            step.percent < 100
              ? t('console.import.uploading', { percent: Math.round(step.percent) })
              : step.saving !== null
                ? t('console.import.saving', { count: step.saving })
                : t('console.import.checking')
          }
          percent={step.percent < 100 ? step.percent : step.saving !== null ? 0 : null}
        />
      ) : null}
      {step.kind === 'saving' ? (
        <ProgressBar label={savingLabel(step.job, t)} percent={step.job.percent} />
      ) : null}
      {failure ? (
        <StatusBanner kind="error">
          {describeError(lang, failure)}
          {savedNothing ? ` ${t('console.import.nothingSaved')}` : ''}
        </StatusBanner>
      ) : null}
      {step.kind === 'done' ? (
        <StatusBanner
          kind="success"
          action={
            <Button variant="secondary" onClick={reset}>
              {t('console.import.another')}
            </Button>
          }
        >
          {t('console.import.done', {
            teams: step.result.teamsCreated,
            schools: step.result.schoolsCreated,
          })}
        </StatusBanner>
      ) : null}
      {step.kind === 'preview' && file ? (
        <PreviewView
          preview={step.preview}
          mapping={mapping}
          onMap={(index, field) => setMapping({ ...mapping, [String(index)]: field })}
          onRecheck={() => void check(file, mapping)}
          skipInvalid={skipInvalid}
          onSkipInvalid={setSkipInvalid}
          fixLookalikes={fixLookalikes}
          onFixLookalikes={setFixLookalikes}
          onConfirm={() => void confirm(step.preview)}
          onCancel={reset}
          describe={(key, fallback, params) => translateKey(lang, key, fallback, params)}
        />
      ) : null}
    </section>
  );
}

function PreviewView(props: {
  preview: RegistrationPreview;
  mapping: RegistrationMapping;
  onMap: (index: number, field: RegistrationField | null) => void;
  onRecheck: () => void;
  skipInvalid: boolean;
  onSkipInvalid: (value: boolean) => void;
  fixLookalikes: boolean;
  onFixLookalikes: (value: boolean) => void;
  onConfirm: () => void;
  onCancel: () => void;
  describe: (key: string, fallback: string, params?: Record<string, string | number>) => string;
}) {
  const { t } = useLanguage();
  const { preview } = props;
  const { summary } = preview;
  // With rows in error nothing is imported until the organiser agrees to leave them out.
  const blocked = summary.valid === 0 || (summary.invalid > 0 && !props.skipInvalid);
  const chosenField = (index: number) => {
    const override = props.mapping[String(index)];
    return override !== undefined ? override : (preview.columns[index]?.field ?? null);
  };
  const hasLookalikes = preview.problems.some(
    (problem) => problem.key === 'registration.problem.lookalike',
  );
  const lostLetterCells = preview.problems.filter(
    (problem) => problem.key === 'registration.problem.lostKazakhLetters',
  ).length;

  return (
    <div className="import-preview">
      <StatusBanner
        kind={summary.invalid > 0 || preview.missingFields.length > 0 ? 'error' : 'success'}
      >
        {t('console.import.summary', { ...summary })}
      </StatusBanner>
      {preview.lostLetterHeaders?.length ? (
        <StatusBanner kind="error">
          {t('console.import.lostLetterHeaders', {
            headers: preview.lostLetterHeaders.map((header) => `«${header}»`).join(', '),
          })}
        </StatusBanner>
      ) : null}
      {lostLetterCells > 0 ? (
        <StatusBanner kind="error">
          {t('console.import.lostLetters', { count: lostLetterCells })}
        </StatusBanner>
      ) : null}
      {preview.encoding ? (
        <p className="ui-muted">
          {t('console.import.readAs', {
            encoding: preview.encoding.toUpperCase(),
            delimiter: preview.delimiter === '\t' ? 'Tab' : (preview.delimiter ?? ','),
          })}
        </p>
      ) : null}

      <details className="import-columns" open={preview.missingFields.length > 0}>
        <summary>{t('console.import.columns')}</summary>
        {preview.missingFields.length > 0 ? (
          <StatusBanner kind="error">
            {t('console.import.missingFields', {
              fields: preview.missingFields.map((field) => t(fieldLabel(field))).join(', '),
            })}
          </StatusBanner>
        ) : null}
        <div className="column-map">
          {preview.columns.map((column) => (
            <label key={column.index} className="column-map__item">
              <span className="column-map__header">{column.header || `#${column.index + 1}`}</span>
              <select
                className="ui-field__input"
                value={chosenField(column.index) ?? ''}
                onChange={(event) =>
                  props.onMap(
                    column.index,
                    (event.target.value || null) as RegistrationField | null,
                  )
                }
              >
                <option value="">{t('console.import.ignore')}</option>
                {REGISTRATION_FIELDS.map((field) => (
                  <option key={field} value={field}>
                    {t(fieldLabel(field))}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
        <Button variant="secondary" onClick={props.onRecheck}>
          {t('console.import.recheck')}
        </Button>
      </details>

      {preview.missingFields.length === 0 ? (
        <>
          <h4>{t('console.import.problems')}</h4>
          {preview.problems.length === 0 ? (
            <p>{t('console.import.noProblems')}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table problems-table">
                <thead>
                  <tr>
                    <th scope="col">{t('console.import.row')}</th>
                    <th scope="col">{t('console.import.column')}</th>
                    <th scope="col">{t('console.import.problem')}</th>
                    <th scope="col">{t('console.import.value')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.problems.map((problem, index) => (
                    <tr key={index} className={`problem--${problem.severity}`}>
                      <td>{problem.row}</td>
                      <td>{problem.column}</td>
                      <td>
                        <strong>
                          {t(
                            problem.severity === 'error'
                              ? 'console.import.error'
                              : 'console.import.warning',
                          )}
                          :
                        </strong>{' '}
                        {props.describe(problem.key, problem.message, problem.params)}
                        {problem.suggestion ? (
                          <div className="ui-muted">
                            {t('console.import.suggestion', { text: problem.suggestion })}
                          </div>
                        ) : null}
                      </td>
                      <td className="cell-value">
                        {isLostLetter(problem) ? markQuestionMarks(problem.value) : problem.value}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <h4>{t('console.import.preview')}</h4>
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('console.import.row')}</th>
                  <th scope="col">{t('console.import.field.team')}</th>
                  <th scope="col">{t('console.import.field.school')}</th>
                  <th scope="col">{t('console.import.field.category')}</th>
                  <th scope="col">{t('console.teams.members')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, PREVIEW_ROWS).map((row) => (
                  <tr key={row.row} className={row.ok ? undefined : 'problem--error'}>
                    <td>{row.row}</td>
                    <td>{row.team}</td>
                    <td>
                      {row.school}
                      {row.newSchool ? (
                        <span className="tag tag--new">{t('console.import.newSchool')}</span>
                      ) : null}
                    </td>
                    <td>{row.categoryName}</td>
                    <td>
                      {row.members
                        .map(
                          (member) => `${member.name}${member.grade ? ` (${member.grade})` : ''}`,
                        )
                        .join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.rows.length > PREVIEW_ROWS ? (
            <p className="ui-muted">
              {t('console.import.more', { count: preview.rows.length - PREVIEW_ROWS })}
            </p>
          ) : null}

          {summary.invalid > 0 ? (
            <label className="check-row">
              <input
                type="checkbox"
                checked={props.skipInvalid}
                onChange={(event) => props.onSkipInvalid(event.target.checked)}
              />
              <span>
                {t('console.import.skipInvalid', {
                  invalid: summary.invalid,
                  valid: summary.valid,
                })}
              </span>
            </label>
          ) : null}
          {hasLookalikes ? (
            <label className="check-row">
              <input
                type="checkbox"
                checked={props.fixLookalikes}
                onChange={(event) => props.onFixLookalikes(event.target.checked)}
              />
              <span>{t('console.import.fixLookalikes')}</span>
            </label>
          ) : null}
          <div className="button-row">
            <Button large disabled={blocked} onClick={props.onConfirm}>
              {t('console.import.confirm', { count: summary.valid })}
            </Button>
            <Button variant="ghost" onClick={props.onCancel}>
              {t('console.import.another')}
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
