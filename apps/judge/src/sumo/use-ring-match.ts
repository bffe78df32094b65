import { routes, type RingNextMatch } from '@olympiad/contracts';
import { useEffect, useState } from 'react';
import { useJudge } from '../app/judge-context';

export type RingCall =
  /** Offline, no ring, or the server did not answer: the tablet picks from its own copy of the draw. */
  | { state: 'unknown' }
  /** Asked, no answer yet: nothing is shown, so the ring never flashes a match it will not get. */
  | { state: 'pending' }
  | ({ state: 'answered' } & RingNextMatch);

/**
 * Asks the server which match this ring plays next (docs/rules.md#schedules), again whenever a
 * match of the category ends (`finished` changes) and when a rest runs out. The server stores the
 * answer, so a ring sharing the category is never handed the same match or team.
 */
export function useRingMatch(stageId: string, ringId: string | null, finished: number): RingCall {
  const { api, online } = useJudge();
  const [call, setCall] = useState<RingCall>({ state: 'pending' });
  const [restEnded, setRestEnded] = useState(0);
  useEffect(() => {
    if (!ringId || !online) return;
    let current = true;
    api
      .call(routes.fieldQueues.nextMatch, { params: { stageId, fieldId: ringId } })
      .then((answer) => {
        if (current) setCall({ state: 'answered', ...answer });
      })
      .catch(() => {
        if (current) setCall({ state: 'unknown' });
      });
    return () => {
      current = false;
    };
  }, [api, online, stageId, ringId, finished, restEnded]);
  const known = ringId && online ? call : ({ state: 'unknown' } as const);
  const restingUntil = known.state === 'answered' ? known.restingUntil : null;
  useEffect(() => {
    if (!restingUntil) return;
    const timer = setTimeout(
      () => setRestEnded((n) => n + 1),
      Math.max(0, Date.parse(restingUntil) - Date.now()) + 1_000,
    );
    return () => clearTimeout(timer);
  }, [restingUntil]);
  return known;
}
