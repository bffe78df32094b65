/** 83 400 ms → "1:23.4": the running clock of the hall screen, tenths only (it is redrawn ~10×/s). */
export function clockText(ms: number): string {
  const safe = Math.max(0, Math.floor(ms / 100));
  const tenths = safe % 10;
  const seconds = Math.floor(safe / 10) % 60;
  const minutes = Math.floor(safe / 600);
  return `${minutes}:${String(seconds).padStart(2, '0')}.${tenths}`;
}

/** Milliseconds the run has been going, by the server's clock (`offsetMs` = server − local). */
export function elapsedMs(startedAt: string, offsetMs: number, localNow: number): number {
  return localNow + offsetMs - Date.parse(startedAt);
}
