import { fingerprintLines } from './fingerprint';

describe('fingerprintLines', () => {
  const sha256 = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';

  it('writes a SHA-256 fingerprint as two lines of 16 upper-case byte pairs', () => {
    expect(fingerprintLines(sha256)).toEqual([
      'A1 B2 C3 D4 E5 F6 07 18 29 3A 4B 5C 6D 7E 8F 90',
      'A1 B2 C3 D4 E5 F6 07 18 29 3A 4B 5C 6D 7E 8F 90',
    ]);
  });

  it('reads colon-separated fingerprints the same way', () => {
    const withColons = sha256.match(/../g)?.join(':') ?? '';
    expect(fingerprintLines(withColons)).toEqual(fingerprintLines(sha256));
  });
});
