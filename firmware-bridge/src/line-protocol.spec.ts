import { parseSerialLine } from './line-protocol';

describe('serial line protocol', () => {
  it.each([
    ['G start 1234567', { kind: 'gate', gate: 'start', t: 1234567 }],
    ['G finish 99000000\r\n', { kind: 'gate', gate: 'finish', t: 99000000 }],
    ['G cp3 5', { kind: 'gate', gate: 'cp3', t: 5 }],
    ['B start 42', { kind: 'button', button: 'start', t: 42 }],
    ['H 1000000 87 -61', { kind: 'heartbeat', t: 1000000, battery: 87, rssi: -61 }],
    ['F beam-blocked 77', { kind: 'fault', code: 'beam-blocked', t: 77 }],
    ['BOOT a1b2c3d4', { kind: 'boot', boot: 'a1b2c3d4' }],
  ])('reads "%s"', (text, expected) => {
    expect(parseSerialLine(text)).toEqual({ ok: true, line: expected });
  });

  it('ignores comments and blank lines', () => {
    expect(parseSerialLine('# calibrating')).toEqual({ ok: true, line: null });
    expect(parseSerialLine('   ')).toEqual({ ok: true, line: null });
  });

  it.each(['G exit 5', 'G start -5', 'G start 12.5', 'G start', 'H 5 140 -60', 'H 5 80 12', 'B jump 5', 'X 1 2', 'G start 1 extra', 'BOOT x'])(
    'refuses "%s" with a message',
    (text) => {
      const parsed = parseSerialLine(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toContain(text.trim());
    },
  );
});
