/**
 * Contest time as a contest clock shows it: minutes and seconds from the start ("83:15" or
 * "1:23:15"), whole seconds. Result times of runs use formatResultTime instead.
 */

const TWO_DIGITS = /^[0-5]\d$/;

/** "75" (seconds), "1:15" (m:ss) or "1:02:03" (h:mm:ss) as ms from the start; null when not such a time. */
export function parseContestTime(text: string): number | null {
  const parts = text.trim().split(':');
  if (parts.length > 3 || !parts.every((part) => /^\d+$/.test(part))) return null;
  if (parts.slice(1).some((part) => !TWO_DIGITS.test(part))) return null;
  const seconds = parts.reduce((total, part) => total * 60 + Number(part), 0);
  return Number.isSafeInteger(seconds * 1000) ? seconds * 1000 : null;
}

/** ms from the start as h:mm:ss, or m:ss under an hour (seconds cut, as contest clocks do). */
export function formatContestTime(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}
