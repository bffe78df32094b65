import {
  CODE_ALPHABET,
  CODE_LENGTH,
  formatDiplomaCode,
  newDiplomaCode,
  normaliseDiplomaCode,
} from './diploma-code';

describe('diploma check codes', () => {
  it('use 32 symbols without look-alikes (no I, L, O, U)', () => {
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    expect(CODE_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it('carry at least 40 bits: 10 symbols of 5 bits, every symbol reachable', () => {
    expect(CODE_LENGTH * Math.log2(CODE_ALPHABET.length)).toBeGreaterThanOrEqual(40);
    const seen = new Set<string>();
    const codes = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const code = newDiplomaCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      codes.add(code);
      for (const symbol of code) seen.add(symbol);
    }
    expect(codes.size).toBe(2_000);
    expect(seen.size).toBe(32);
  });

  it('read all 50 bits from the random source', () => {
    expect(newDiplomaCode(() => Buffer.alloc(7, 0))).toBe('0000000000');
    expect(newDiplomaCode(() => Buffer.alloc(7, 0xff))).toBe('ZZZZZZZZZZ');
    expect(newDiplomaCode(() => Buffer.from([0x80, 0, 0, 0, 0, 0, 0]))).toBe('G000000000');
    expect(newDiplomaCode(() => Buffer.from([0, 0, 0, 0, 0, 0, 0x40]))).toBe('0000000001');
  });

  it('print in groups and read back as typed, look-alikes included', () => {
    expect(formatDiplomaCode('K7QM2XHD9P')).toBe('K7QM-2XHD-9P');
    expect(normaliseDiplomaCode('k7qm-2xhd-9p')).toBe('K7QM2XHD9P');
    expect(normaliseDiplomaCode(' K7QM 2XHD 9P ')).toBe('K7QM2XHD9P');
    expect(normaliseDiplomaCode('OIL0-0000-00')).toBe('0110000000');
    expect(normaliseDiplomaCode('K7QM-2XHD-9')).toBeNull();
    expect(normaliseDiplomaCode('K7QM-2XHD-9U')).toBeNull();
    expect(normaliseDiplomaCode('../../etc/pa')).toBeNull();
  });
});
