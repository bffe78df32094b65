import { routePath, routes, type SyncOutcome } from '@olympiad/contracts';
import { describeError, ProgressBar, StatusBanner, useLanguage } from '@olympiad/ui';
import { type ChangeEvent, useId, useState } from 'react';
import type { ConsoleApi } from '../stage/console-context';
import { uploadWithProgress } from '../transfer/file-transfer';

/**
 * On the republic server: a venue's bundle file, sent as it is (docs/federation.md, "The bundle
 * file"). Applied by id, so the same file twice or an older one changes nothing; a damaged,
 * foreign or unknown bundle is refused with its reason and nothing is stored.
 */
export function BundleImportPanel({
  console: consoleApi,
  onImported,
}: {
  console: ConsoleApi;
  onImported: () => void;
}) {
  const { lang, t } = useLanguage();
  const inputId = useId();
  const [sending, setSending] = useState<{ file: string; percent: number } | null>(null);
  const [outcome, setOutcome] = useState<{ file: string; result: SyncOutcome } | null>(null);
  const [failure, setFailure] = useState<{ file: string; error: unknown } | null>(null);

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setOutcome(null);
    setFailure(null);
    setSending({ file: file.name, percent: 0 });
    try {
      const result = await uploadWithProgress<SyncOutcome>(
        routePath(routes.federation.importBundle),
        file,
        consoleApi.getToken,
        (percent) => setSending({ file: file.name, percent }),
      );
      setOutcome({ file: file.name, result });
      onImported();
    } catch (error) {
      setFailure({ file: file.name, error });
    } finally {
      setSending(null);
    }
  };

  return (
    <section className="ui-card bundle-import" aria-labelledby={`${inputId}-title`}>
      <h3 id={`${inputId}-title`}>{t('console.venues.importTitle')}</h3>
      <p className="ui-muted">{t('console.venues.importHint')}</p>
      <label className="ui-button ui-button--primary ui-button--large" htmlFor={inputId}>
        {t('console.venues.importPick')}
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept=".olympiad-bundle,application/octet-stream"
        disabled={sending !== null}
        onChange={(event) => void importFile(event)}
      />
      {sending ? (
        <ProgressBar
          label={t('console.venues.importing', { file: sending.file })}
          percent={sending.percent}
        />
      ) : null}
      {outcome ? (
        <StatusBanner kind={outcome.result.conflicts > 0 ? 'error' : 'success'}>
          {t('console.venues.imported', {
            file: outcome.file,
            applied: outcome.result.applied,
            duplicates: outcome.result.duplicates,
            conflicts: outcome.result.conflicts,
          })}
        </StatusBanner>
      ) : null}
      {failure ? (
        <StatusBanner kind="error">
          {t('console.venues.importRefused', {
            file: failure.file,
            reason: describeError(lang, failure.error),
          })}
        </StatusBanner>
      ) : null}
    </section>
  );
}
