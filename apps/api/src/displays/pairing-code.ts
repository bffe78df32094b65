import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: a code read off a TV across a hall and typed on a tablet. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** What the organiser typed, as stored: trimmed, upper-case. */
export function normalisePairingCode(typed: string): string {
  return typed.trim().toUpperCase();
}
