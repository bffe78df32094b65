import { useLanguage } from '@olympiad/ui';
import type { ReactNode } from 'react';
import type { ConsoleAction } from './staff-reach';
import { useRefusal } from './staff-reach-context';
import './reach.css';

/**
 * Controls that change something. For an account that may not (an observer), a disabled fieldset
 * disables every button and field inside at once, with the reason as its tooltip and for screen
 * readers; the page says the reason in words too (ReachNotice).
 */
export function WriteZone({
  stageId,
  action = 'stage.write',
  inline = false,
  hideWhenRefused = false,
  children,
}: {
  stageId?: string;
  action?: ConsoleAction;
  /** Lays the controls out as if the zone were not there (inside a row of buttons). */
  inline?: boolean;
  /** Shows nothing instead, for a panel that is only a write (a file import). */
  hideWhenRefused?: boolean;
  children: ReactNode;
}) {
  const { t } = useLanguage();
  const refusal = useRefusal(action, stageId);
  if (!refusal) return children;
  if (hideWhenRefused) return null;
  return (
    <fieldset
      disabled
      className={inline ? 'read-only-zone read-only-zone--inline' : 'read-only-zone'}
      title={t(refusal)}
    >
      {children}
    </fieldset>
  );
}
