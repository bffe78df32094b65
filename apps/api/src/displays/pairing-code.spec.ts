import { newPairingCode, normalisePairingCode } from './pairing-code';

describe('pairing codes', () => {
  it('are six characters with no look-alike letters', () => {
    for (let i = 0; i < 200; i++) expect(newPairingCode()).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
  });

  it('are read back case-insensitively', () => {
    expect(normalisePairingCode(' k7m4q2 ')).toBe('K7M4Q2');
  });
});
