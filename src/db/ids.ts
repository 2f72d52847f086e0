import { randomBytes } from 'node:crypto';
import { ulid as ulidWith } from 'ulid';

/**
 * Random bytes drawn from the kernel 4 KiB at a time: ulid's default asks for one byte per character,
 * which made id generation a visible share of a checkout's CPU.
 */
let pool = randomBytes(4096);
let offset = 0;
function pooledRandom(): number {
  if (offset === pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  return pool[offset++] / 256;
}

const ulid = () => ulidWith(undefined, pooledRandom);

/**
 * Prefixed, time-sortable ids (`prod_01J…`), Stripe style. Each id draws 80 fresh random bits (ulid's
 * non-monotonic form), so an id that is a capability (a cart id) cannot be guessed from another.
 */
export function newId(prefix: string): string {
  return `${prefix}_${ulid()}`;
}
