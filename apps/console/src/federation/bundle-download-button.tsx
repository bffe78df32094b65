import { routes } from '@olympiad/contracts';
import { Button, describeError, ProgressBar, StatusBanner, useLanguage } from '@olympiad/ui';
import { useState } from 'react';
import type { ConsoleApi } from '../stage/console-context';
import { downloadFile } from '../transfer/file-transfer';

/** The whole stage as a signed bundle file, for a venue whose link is down (docs/federation.md). */
export function BundleDownloadButton({
  console: consoleApi,
  stageId,
}: {
  console: ConsoleApi;
  stageId: string;
}) {
  const { lang, t } = useLanguage();
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const busy = progress !== undefined;

  const download = async () => {
    setSaved(null);
    setFailure(null);
    setProgress(null);
    try {
      setSaved(
        await downloadFile(
          consoleApi.api.url(routes.federation.stageBundle, { params: { id: stageId } }),
          consoleApi.getToken,
          'stage.olympiad-bundle',
          setProgress,
        ),
      );
    } catch (error) {
      setFailure(error);
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <div className="federation-actions__item">
      <Button variant="secondary" large block busy={busy} onClick={() => void download()}>
        {t('console.federation.downloadBundle')}
      </Button>
      {busy ? (
        <ProgressBar label={t('console.federation.downloadingBundle')} percent={progress} />
      ) : null}
      {saved ? (
        <StatusBanner kind="success">
          {t('console.federation.bundleSaved', { file: saved })}
        </StatusBanner>
      ) : null}
      {failure ? <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner> : null}
    </div>
  );
}
