import { useLanguage } from '@olympiad/ui';
import { useMemo } from 'react';
import { useJudge } from '../app/judge-context';
import type { OutboxItem } from '../outbox/outbox-store';
import { useOutboxState } from '../outbox/use-outbox';
import './category.css';

/** How many entries of each team are still on this tablet, not yet sent to the server. */
export function waitingByTeam(items: readonly OutboxItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const teamId = item.entry.teamId;
    if (item.state !== 'pending' || !teamId) continue;
    counts.set(teamId, (counts.get(teamId) ?? 0) + 1);
  }
  return counts;
}

export function useWaitingByTeam(): Map<string, number> {
  const { outbox } = useJudge();
  const { items } = useOutboxState(outbox);
  return useMemo(() => waitingByTeam(items), [items]);
}

/** "2 entries waiting to send" beside a team in a team list; nothing when none waits. */
export function WaitingMark({ count }: { count: number | undefined }) {
  const { t } = useLanguage();
  if (!count) return null;
  return (
    <span className="chip chip--waiting" data-testid="team-waiting">
      {t('judge.team.waitingToSend', { count })}
    </span>
  );
}
