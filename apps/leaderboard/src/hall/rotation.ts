import { useEffect, useState } from 'react';

export const DEFAULT_EVERY_SECONDS = 15;
const MIN_EVERY_SECONDS = 5;
const MAX_EVERY_SECONDS = 600;

/** `?every=15` → 15 seconds per category; missing or nonsense → 15; kept within 5…600. */
export function parseEverySeconds(value: string | null): number {
  const seconds = Number(value);
  if (!value || !Number.isFinite(seconds) || seconds <= 0) return DEFAULT_EVERY_SECONDS;
  return Math.min(MAX_EVERY_SECONDS, Math.max(MIN_EVERY_SECONDS, Math.round(seconds)));
}

/** The index of the item on screen, moving on every `everyMs`; starts over when the count changes. */
export function useRotation(count: number, everyMs: number): number {
  const key = `${count}|${everyMs}`;
  const [tick, setTick] = useState({ key, index: 0 });
  useEffect(() => {
    if (count <= 1) return;
    const timer = setInterval(
      () =>
        setTick((previous) => ({
          key,
          index: previous.key === key ? (previous.index + 1) % count : 1 % count,
        })),
      everyMs,
    );
    return () => clearInterval(timer);
  }, [key, count, everyMs]);
  return tick.key === key ? tick.index : 0;
}
