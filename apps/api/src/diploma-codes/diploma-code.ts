import { randomBytes } from 'node:crypto';

/** Crockford's base32: digits and letters without I, L, O and U, so nothing reads as anything else. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 10 symbols of 5 bits: 50 bits from the system's random source (docs/diplomas.md). */
export const CODE_LENGTH = 10;

/** A new code, as stored: "K7QM2XHD9P". */
export function newDiplomaCode(random: (size: number) => Buffer = randomBytes): string {
  // 10 symbols × 5 bits = 50 bits: read 7 bytes (56 bits) and use the top 50.
  const bytes = random(7);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  bits >>= 6n;
  let code = '';
  for (let i = CODE_LENGTH - 1; i >= 0; i--)
    code += CODE_ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return code;
}

/** As printed and linked: "K7QM-2XHD-9P". */
export function formatDiplomaCode(code: string): string {
  return [code.slice(0, 4), code.slice(4, 8), code.slice(8)].filter(Boolean).join('-');
}

/**
 * A code as someone typed it back into the stored form: case and dashes or spaces do not matter,
 * and O, I and L are read as the digits they look like (Crockford). Null when it cannot be a code.
 */
export function normaliseDiplomaCode(text: string): string | null {
  const code = text
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== CODE_LENGTH) return null;
  for (const symbol of code) if (!CODE_ALPHABET.includes(symbol)) return null;
  return code;
}
