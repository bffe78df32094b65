/**
 * The serial line protocol between a field controller and the bridge, version 1. ASCII, one event
 * per line, fields separated by single spaces, `\n` at the end; `t` is the controller's monotonic
 * clock in microseconds since its power-up.
 *
 *   BOOT <id>                     the controller started; <id> is random per power-up (4–40 of A–Z a–z 0–9 _ -)
 *   G <gate> <t>                  a light gate was broken: gate = start | finish | cp1 … cp99
 *   B <button> <t>                a button: start | stop | ready
 *   H <t> <battery %> <rssi dBm>  heartbeat (rssi may be 0 on a wired controller)
 *   F <code> <t>                  a fault the controller noticed (code: up to 40 characters, no spaces)
 *   # …                           a comment or debug output; ignored
 */
export type SerialLine =
  | { kind: 'boot'; boot: string }
  | { kind: 'gate'; gate: string; t: number }
  | { kind: 'button'; button: 'start' | 'stop' | 'ready'; t: number }
  | { kind: 'heartbeat'; t: number; battery: number; rssi: number }
  | { kind: 'fault'; code: string; t: number };

export type ParsedLine = { ok: true; line: SerialLine } | { ok: false; error: string } | { ok: true; line: null };

const microseconds = (text: string | undefined): number | null =>
  text !== undefined && /^\d{1,16}$/.test(text) ? Number(text) : null;

export function parseSerialLine(raw: string): ParsedLine {
  const text = raw.replace(/\r?\n$/, '').trim();
  if (text === '' || text.startsWith('#')) return { ok: true, line: null };
  const [code, a, b, c, ...rest] = text.split(' ');
  const fail = (error: string): ParsedLine => ({ ok: false, error: `${error}: "${text.slice(0, 80)}"` });
  if (rest.length > 0) return fail('too many fields');
  switch (code) {
    case 'BOOT':
      return a && /^[A-Za-z0-9_-]{4,40}$/.test(a) && b === undefined ? { ok: true, line: { kind: 'boot', boot: a } } : fail('bad BOOT line');
    case 'G': {
      const t = microseconds(b);
      if (!a || !/^(start|finish|cp\d{1,2})$/.test(a) || t === null || c !== undefined) return fail('bad gate line');
      return { ok: true, line: { kind: 'gate', gate: a, t } };
    }
    case 'B': {
      const t = microseconds(b);
      if ((a !== 'start' && a !== 'stop' && a !== 'ready') || t === null || c !== undefined) return fail('bad button line');
      return { ok: true, line: { kind: 'button', button: a, t } };
    }
    case 'H': {
      const t = microseconds(a);
      const battery = Number(b);
      const rssi = Number(c);
      if (t === null || !Number.isInteger(battery) || battery < 0 || battery > 100 || !Number.isInteger(rssi) || rssi < -127 || rssi > 0) {
        return fail('bad heartbeat line');
      }
      return { ok: true, line: { kind: 'heartbeat', t, battery, rssi } };
    }
    case 'F': {
      const t = microseconds(b);
      if (!a || a.length > 40 || t === null || c !== undefined) return fail('bad fault line');
      return { ok: true, line: { kind: 'fault', code: a, t } };
    }
    default:
      return fail('unknown line');
  }
}
