import { useEffect, useState } from 'react';

/** The current time, renewed every `everyMs`: for "N min ago" and alarms that grow with silence. */
export function useNow(everyMs = 10_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
