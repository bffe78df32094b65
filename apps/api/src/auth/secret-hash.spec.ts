import { hashSecret, randomCode, randomPin, verifySecret } from './secret-hash';

describe('secret hashing', () => {
  it('verifies the right secret and refuses a wrong one', async () => {
    const stored = await hashSecret('481516');
    expect(stored).not.toContain('481516');
    expect(await verifySecret('481516', stored)).toBe(true);
    expect(await verifySecret('481517', stored)).toBe(false);
  });

  it('salts: the same PIN hashes differently twice', async () => {
    expect(await hashSecret('1234')).not.toEqual(await hashSecret('1234'));
  });

  it('refuses a malformed stored hash instead of throwing', async () => {
    expect(await verifySecret('x', 'plain-text')).toBe(false);
  });

  it('makes PINs of digits and codes without look-alike characters', () => {
    expect(randomPin(6)).toMatch(/^\d{6}$/);
    expect(randomCode(200)).toMatch(/^[A-HJ-NP-Z2-9]+$/);
  });
});
