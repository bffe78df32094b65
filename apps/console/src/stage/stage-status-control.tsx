import { routes, type StageSummary } from '@olympiad/contracts';
import { Button, describeError, StatusBanner, type ApiClient, useLanguage } from '@olympiad/ui';
import { useState } from 'react';

/** Draft → live → closed. Closing takes a second tap: it makes the results final for qualification. */
export function StageStatusControl({
  api,
  stage,
  onChanged,
}: {
  api: ApiClient;
  stage: StageSummary;
  onChanged: () => void;
}) {
  const { lang, t } = useLanguage();
  const [busy, setBusy] = useState(false);
  const [armed, setArmed] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const set = async (status: 'live' | 'closed') => {
    setBusy(true);
    setFailure(null);
    try {
      await api.call(routes.stages.update, { params: { id: stage.id }, body: { status } });
      setArmed(false);
      onChanged();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {stage.status === 'draft' ? (
        <Button variant="secondary" busy={busy} onClick={() => void set('live')}>
          {t('console.stage.makeLive')}
        </Button>
      ) : null}
      {stage.status === 'live' ? (
        <Button
          variant={armed ? 'danger' : 'secondary'}
          busy={busy}
          onClick={() => (armed ? void set('closed') : setArmed(true))}
        >
          {armed ? t('console.stage.closeConfirm') : t('console.stage.close')}
        </Button>
      ) : null}
      {failure ? <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner> : null}
    </>
  );
}
