import {
  CROCKFORD_ALPHABET,
  CROCKFORD_CODE_LENGTH,
  crockfordCodeFrom,
  normaliseCrockfordCode,
} from '@olympiad/scoring';
import { randomBytes } from 'node:crypto';

/** Crockford's base32: digits and letters without I, L, O and U, so nothing reads as anything else. */
export const CODE_ALPHABET = CROCKFORD_ALPHABET;
/** 10 symbols of 5 bits: 50 bits from the system's random source (docs/diplomas.md). */
export const CODE_LENGTH = CROCKFORD_CODE_LENGTH;

/** A new code, as stored: "K7QM2XHD9P". */
export function newDiplomaCode(random: (size: number) => Buffer = randomBytes): string {
  return crockfordCodeFrom(random(7));
}

/** As printed and linked: "K7QM-2XHD-9P". */
export function formatDiplomaCode(code: string): string {
  return [code.slice(0, 4), code.slice(4, 8), code.slice(8)].filter(Boolean).join('-');
}

/**
 * A code as someone typed it back into the stored form: case and dashes or spaces do not matter,
 * and O, I and L are read as the digits they look like (Crockford). Null when it cannot be a code.
 */
export const normaliseDiplomaCode = normaliseCrockfordCode;
