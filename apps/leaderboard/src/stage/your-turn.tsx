import { routes, type PublicTurn } from '@olympiad/contracts';
import { createApiClient, useLanguage } from '@olympiad/ui';
import { useEffect, useMemo, useRef, useState } from 'react';
import './your-turn.css';

/** The estimate moves with the clock between results: asked again this often. */
const REFRESH_MS = 60_000;
/**
 * After a score every phone that follows a team of the category would ask at once: each waits a
 * little longer than the server keeps one read of the queues for all (PUBLIC_TURN_READ_MS, 3 s),
 * spread over two seconds, so the answer was read after the score and the phones do not come
 * all in the same instant.
 */
const AFTER_SCORE_MS = 3_500;
const SPREAD_MS = 2_000;

/**
 * "Your turn in about 12 minutes" for the followed team (docs/rules.md#schedules), from the
 * public turn route: asked again when the category's standings move (`version`) and every minute.
 * Honest when there is no estimate; says nothing when the team is not on any field's order.
 */
export function YourTurn({
  categoryId,
  teamId,
  version,
  fetch,
}: {
  categoryId: string;
  teamId: string;
  version: number;
  fetch?: typeof globalThis.fetch;
}) {
  const { t } = useLanguage();
  const api = useMemo(() => createApiClient({ fetch }), [fetch]);
  const [turn, setTurn] = useState<{ key: string; turn: PublicTurn } | null>(null);
  const [asked, setAsked] = useState(0);
  const key = `${categoryId}:${teamId}`;
  const firstVersion = useRef(version);
  const afterScore = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    let current = true;
    api
      .call(routes.fieldQueues.publicTurn, { params: { id: categoryId, teamId } })
      .then((answer) => {
        if (current) setTurn({ key, turn: answer });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, categoryId, teamId, key, asked]);
  useEffect(() => {
    if (version === firstVersion.current || afterScore.current) return;
    afterScore.current = setTimeout(
      () => {
        afterScore.current = undefined;
        setAsked((n) => n + 1);
      },
      AFTER_SCORE_MS + Math.random() * SPREAD_MS,
    );
  }, [version]);
  useEffect(() => {
    const timer = setInterval(() => setAsked((n) => n + 1), REFRESH_MS);
    return () => {
      clearInterval(timer);
      clearTimeout(afterScore.current);
    };
  }, []);
  const known = turn?.key === key ? turn.turn : null;
  if (!known || known.state === 'unknown') return null;
  const minutes = known.waitMs === null ? null : Math.round(known.waitMs / 60_000);
  return (
    <p
      className="following__turn"
      data-testid="your-turn"
      data-wait-minutes={known.state === 'waiting' && minutes !== null ? minutes : undefined}
    >
      {known.state === 'done'
        ? t('board.turn.done')
        : minutes === null
          ? t('board.turn.unknown')
          : minutes < 1
            ? t('board.turn.now')
            : t('board.turn.about', { count: minutes })}
    </p>
  );
}
