import { StatusBanner, useLanguage } from '@olympiad/ui';
import type { ConsoleAction } from './staff-reach';
import { useRefusal } from './staff-reach-context';

/** One line saying why this page's changes are not offered, where they are not. */
export function ReachNotice({
  stageId,
  action = 'stage.write',
}: {
  stageId?: string;
  action?: ConsoleAction;
}) {
  const { t } = useLanguage();
  const refusal = useRefusal(action, stageId);
  if (!refusal) return null;
  return (
    <StatusBanner kind="info">
      <strong>{t(refusal)}</strong> {t(`${refusal}.detail`)}
    </StatusBanner>
  );
}
