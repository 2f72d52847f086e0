import { createHash, randomInt } from 'node:crypto';

/**
 * Gift card codes: 16 characters from an alphabet without look-alikes (no 0/O, 1/I), shown in groups of
 * four. 80 random bits, so the code's SHA-256 is enough to find it again without keeping it (a keyed
 * blind index would buy nothing against guessing and would need re-indexing on key rotation).
 * Matched in any case and with or without the dashes and spaces.
 */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newGiftCardCode(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

export function normalizeCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export function hashCode(code: string): string {
  return createHash('sha256').update(normalizeCode(code)).digest('hex');
}

export function last4Of(code: string): string {
  return normalizeCode(code).slice(-4);
}
