/**
 * Short codes people read off paper and type back: Crockford's base 32 (digits and letters without
 * I, L, O and U, so nothing reads as anything else). Score sheets and diplomas both print one.
 */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Ten symbols of 5 bits: 50 bits, the top 50 of 7 random bytes (the server passes crypto's). */
export const CROCKFORD_CODE_LENGTH = 10;

export function crockfordCodeFrom(randomBytes: Uint8Array): string {
  if (randomBytes.length < 7) throw new RangeError('a code needs at least 7 random bytes');
  let bits = 0n;
  for (const byte of randomBytes.slice(0, 7)) bits = (bits << 8n) | BigInt(byte);
  bits >>= 6n;
  let code = '';
  for (let i = CROCKFORD_CODE_LENGTH - 1; i >= 0; i--)
    code += CROCKFORD_ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return code;
}

/**
 * A code as someone typed it: case, spaces and dashes ignored, O read as 0, I and L as 1. Null
 * when it cannot be a code.
 */
export function normaliseCrockfordCode(typed: string): string | null {
  const code = typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== CROCKFORD_CODE_LENGTH) return null;
  return [...code].every((symbol) => CROCKFORD_ALPHABET.includes(symbol)) ? code : null;
}
