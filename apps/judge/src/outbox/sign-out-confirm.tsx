import { Button, StatusBanner, useLanguage } from '@olympiad/ui';
import { useJudge } from '../app/judge-context';
import { unsentItems } from './outbox';
import { useOutboxState } from './use-outbox';

/**
 * Asks before signing out, and says how many of the judge's entries neither the server nor the
 * head judge has yet: they stay on the tablet, but only this judge's next sign-in here sends them.
 */
export function SignOutConfirm({ confirm, cancel }: { confirm: () => void; cancel: () => void }) {
  const { t } = useLanguage();
  const { outbox, me } = useJudge();
  const state = useOutboxState(outbox);
  const unsent = unsentItems(state.items, me.judge.id).length;
  return (
    <StatusBanner
      kind={unsent > 0 ? 'error' : 'info'}
      action={
        <span className="ui-row">
          <Button variant="danger" onClick={confirm}>
            {t('judge.signOut.yes')}
          </Button>
          <Button variant="secondary" onClick={cancel}>
            {t('common.cancel')}
          </Button>
        </span>
      }
    >
      <span data-testid="sign-out-question">
        {unsent > 0 ? t('judge.signOut.unsent', { count: unsent }) : t('judge.signOut.confirm')}
      </span>
    </StatusBanner>
  );
}
