import type { AuditObjectKind } from '@olympiad/contracts';
import { Button, useLanguage } from '@olympiad/ui';
import { createContext, useContext } from 'react';

/** One object whose history the Activity tab shows: a team, a category… */
export interface HistoryTarget {
  kind: AuditObjectKind;
  id: string;
  name: string;
}

/** Set by the stage page: opens its Activity tab filtered to one object. */
export const ShowHistoryContext = createContext<((target: HistoryTarget) => void) | null>(null);

/** "History" on a team's or a category's card: that object's audit record (docs/audit.md). */
export function HistoryButton({ target }: { target: HistoryTarget }) {
  const { t } = useLanguage();
  const show = useContext(ShowHistoryContext);
  if (!show) return null;
  return (
    <Button
      variant="ghost"
      onClick={() => show(target)}
      aria-label={t('console.activity.historyOf', { name: target.name })}
    >
      {t('console.activity.history')}
    </Button>
  );
}
