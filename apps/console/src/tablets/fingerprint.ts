/**
 * A certificate fingerprint as the tablets' certificate screens show it: upper-case byte pairs
 * with spaces, 16 pairs a line, whatever separators the server used.
 */
export function fingerprintLines(fingerprint: string): string[] {
  const pairs =
    fingerprint
      .replace(/[^0-9a-f]/gi, '')
      .toUpperCase()
      .match(/.{1,2}/g) ?? [];
  const lines: string[] = [];
  for (let start = 0; start < pairs.length; start += 16) {
    lines.push(pairs.slice(start, start + 16).join(' '));
  }
  return lines;
}
