import { routes, type DiplomaDesign, type DocumentLanguages } from '@olympiad/contracts';
import type { MessageKey } from '@olympiad/i18n';
import { rowResultText, tablePrecisionOf } from '@olympiad/scoring';
import {
  Button,
  describeError,
  queryPending,
  QueryStatus,
  SelectField,
  StatusBanner,
  useLanguage,
  useQuery,
} from '@olympiad/ui';
import { useState } from 'react';
import { presetLabel } from '../categories/rule-set-text';
import { CategoryProtestsPanel } from '../protests/category-protests-panel';
import { ScoreSheetsPanel } from '../score-sheets/score-sheets-panel';
import type { ConsoleApi } from '../stage/console-context';
import { downloadFile } from '../transfer/file-transfer';
import { WriteZone } from '../session/write-zone';
import { useOpeningCategory } from './opening-category';

/** Standings of a category with the rule set used, and its documents: protocol, diplomas, CSV, XLSX. */
export function ResultsTab({
  console: consoleApi,
  stageId,
  initialCategory = '',
}: {
  console: ConsoleApi;
  stageId: string;
  /** The category to open with (the protests strip's link); else the first with a result. */
  initialCategory?: string;
}) {
  const { lang, t } = useLanguage();
  const { api, getToken } = consoleApi;
  const categories = useQuery(
    (signal) => api.call(routes.categories.list, { params: { stageId } }, { signal }),
    [api, stageId],
  );
  const [picked, setPicked] = useState(initialCategory);
  const [design, setDesign] = useState<DiplomaDesign>('classic');
  // English as a third language of the protocol and the exports (README, "Documents in English").
  const [languages, setLanguages] = useState<DocumentLanguages>('kk-ru');
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const list = categories.data ?? [];
  // Until the organiser picks one: the first category with a result (see opening-category.ts).
  const opening = useOpeningCategory(
    api,
    list.map((candidate) => candidate.id),
  );
  const category =
    list.find(
      (candidate) => candidate.id === (picked || (opening.status === 'found' ? opening.id : '')),
    ) ?? list[0];
  const standings = useQuery(
    (signal) =>
      category
        ? api.call(routes.standings.get, { params: { id: category.id } }, { signal })
        : Promise.resolve(null),
    [api, category?.id],
  );

  const download = async (what: string, url: string, fallback: string) => {
    setBusy(what);
    setOutcome(null);
    try {
      const file = await downloadFile(url, getToken, fallback);
      setOutcome({ kind: 'success', text: t('console.results.downloaded', { file }) });
    } catch (error) {
      setOutcome({ kind: 'error', text: describeError(lang, error) });
    } finally {
      setBusy(null);
    }
  };

  if (queryPending(categories)) return <QueryStatus query={categories} />;
  if (!category) return <StatusBanner kind="info">{t('console.categories.empty')}</StatusBanner>;
  if (!picked && opening.status === 'searching')
    return <StatusBanner kind="loading">{t('common.loading')}</StatusBanner>;

  const rows = standings.data?.standings.rows ?? [];
  const precision = tablePrecisionOf(rows);
  const teams = standings.data?.teams ?? {};
  return (
    <>
      {!picked && opening.status === 'none' ? (
        <StatusBanner kind="info">{t('console.results.noneYet')}</StatusBanner>
      ) : null}
      <section className="ui-card">
        <div className="form-grid">
          <SelectField
            label={t('console.results.category')}
            options={list.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
            value={category.id}
            onChange={setPicked}
          />
          <SelectField
            label={t('console.results.design')}
            options={[
              { value: 'classic', label: t('console.results.design.classic') },
              { value: 'modern', label: t('console.results.design.modern') },
            ]}
            value={design}
            onChange={setDesign}
          />
          <SelectField
            label={t('console.results.languages')}
            options={[
              { value: 'kk-ru', label: t('console.results.languages.kkRu') },
              { value: 'kk-ru-en', label: t('console.results.languages.kkRuEn') },
            ]}
            value={languages}
            onChange={setLanguages}
          />
        </div>
        <p className="ui-muted">
          {t('console.results.ruleSet', { preset: presetLabel(lang, category.preset) })} ·{' '}
          {t(`console.categories.status.${category.status}` as MessageKey)}
        </p>
        <div className="button-row">
          <Button
            busy={busy === 'protocol'}
            onClick={() =>
              void download(
                'protocol',
                api.url(routes.documents.protocol, {
                  params: { id: category.id },
                  query: { languages },
                }),
                'protocol.pdf',
              )
            }
          >
            {t('console.results.protocol')}
          </Button>
          {/* Printing diplomas issues their check codes: a write (docs/diplomas.md). */}
          <WriteZone stageId={stageId} inline>
            <Button
              variant="secondary"
              busy={busy === 'diplomas'}
              onClick={() =>
                void download(
                  'diplomas',
                  api.url(routes.documents.diplomas, {
                    params: { id: category.id },
                    query: { design, languages },
                  }),
                  'diplomas.pdf',
                )
              }
            >
              {t('console.results.diplomas')}
            </Button>
          </WriteZone>
          <Button
            variant="secondary"
            busy={busy === 'csv'}
            onClick={() =>
              void download(
                'csv',
                api.url(routes.exports.categoryCsv, {
                  params: { id: category.id },
                  query: { languages },
                }),
                'results.csv',
              )
            }
          >
            {t('console.results.csv')}
          </Button>
          <Button
            variant="secondary"
            busy={busy === 'xlsx'}
            onClick={() =>
              void download(
                'xlsx',
                api.url(routes.exports.categoryXlsx, {
                  params: { id: category.id },
                  query: { languages },
                }),
                'results.xlsx',
              )
            }
          >
            {t('console.results.xlsx')}
          </Button>
        </div>
        {outcome ? <StatusBanner kind={outcome.kind}>{outcome.text}</StatusBanner> : null}
      </section>
      {category.discipline === 'maze' || category.discipline === 'sumo' ? (
        <ScoreSheetsPanel key={category.id} console={consoleApi} category={category} />
      ) : null}
      <CategoryProtestsPanel
        api={api}
        getToken={getToken}
        category={category}
        onChanged={categories.reload}
      />
      <section className="ui-card">
        <h3>{category.name}</h3>
        <QueryStatus
          query={standings}
          empty={<p className="ui-muted">{t('console.results.empty')}</p>}
          isEmpty={() => rows.length === 0}
        />
        {rows.length > 0 ? (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('console.results.place')}</th>
                  <th scope="col">{t('console.results.team')}</th>
                  <th scope="col">{t('console.results.school')}</th>
                  <th scope="col">{t('console.results.result')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.teamId}>
                    <td>{row.place ?? '—'}</td>
                    <td>{teams[row.teamId]?.name ?? ''}</td>
                    <td>{teams[row.teamId]?.school ?? ''}</td>
                    <td>
                      {row.status === 'ranked'
                        ? rowResultText(row, precision)
                        : t(`console.results.status.${row.status}` as MessageKey)}
                      {row.unconfirmed ? (
                        <span className="results__review" data-unconfirmed="">
                          {' · '}
                          {t('board.unconfirmed', {
                            time: rowResultText(row.unconfirmed, precision),
                          })}
                        </span>
                      ) : null}
                      {row.review ? (
                        <span className="results__review" data-review={row.review}>
                          {' · '}
                          {t(`board.review.${row.review}`)}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section className="ui-card">
        <h3>{t('console.results.stage')}</h3>
        <div className="button-row">
          <Button
            variant="secondary"
            busy={busy === 'stage-csv'}
            onClick={() =>
              void download(
                'stage-csv',
                api.url(routes.exports.stageCsv, { params: { stageId } }),
                'results.csv',
              )
            }
          >
            {t('console.results.csv')}
          </Button>
          <Button
            variant="secondary"
            busy={busy === 'stage-xlsx'}
            onClick={() =>
              void download(
                'stage-xlsx',
                api.url(routes.exports.stageXlsx, { params: { stageId } }),
                'results.xlsx',
              )
            }
          >
            {t('console.results.xlsx')}
          </Button>
        </div>
      </section>
    </>
  );
}
