import { ulid } from 'ulid';

/**
 * Prefixed, time-sortable ids (`prod_01J…`), Stripe style. Each id draws 80 fresh random bits (ulid's
 * non-monotonic form), so an id that is a capability (a cart id) cannot be guessed from another.
 */
export function newId(prefix: string): string {
  return `${prefix}_${ulid()}`;
}
