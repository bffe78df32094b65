/** "1:02.35" for 62350 ms; thousandths are shown only when the time has them (sensor times). */
export function formatMs(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  const minutes = Math.floor(abs / 60000);
  const seconds = Math.floor((abs % 60000) / 1000);
  const millis = abs % 1000;
  const fraction =
    millis % 10 === 0 ? String(millis / 10).padStart(2, '0') : String(millis).padStart(3, '0');
  return `${sign}${minutes}:${String(seconds).padStart(2, '0')}.${fraction}`;
}
