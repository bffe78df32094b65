/** "52.31", "0:52.31" or "1:02.5" → ms; null when it is not a time. */
export function parseTime(text: string): number | null {
  const match = /^\s*(?:(\d{1,2}):)?(\d{1,4})(?:[.,](\d{1,3}))?\s*$/.exec(text);
  if (!match) return null;
  const minutes = Number(match[1] ?? 0);
  const seconds = Number(match[2]);
  if (match[1] !== undefined && seconds >= 60) return null;
  const fraction = match[3] ? Number(match[3].padEnd(3, '0')) : 0;
  return (minutes * 60 + seconds) * 1000 + fraction;
}

/** "0:52.31": hundredths, what a stopwatch shows. */
export function formatHundredths(ms: number): string {
  const hundredths = Math.floor(ms / 10);
  const minutes = Math.floor(hundredths / 6000);
  const seconds = Math.floor((hundredths % 6000) / 100);
  const rest = hundredths % 100;
  return `${minutes}:${String(seconds).padStart(2, '0')}.${String(rest).padStart(2, '0')}`;
}
