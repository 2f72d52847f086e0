/**
 * Updates from a patch (a PATCH-like body whose absent fields stay as they are). Kysely leaves a column
 * whose value is `undefined` out of an UPDATE's SET, so a patch's plain fields go into `.set()` as they
 * are; a field stored in another form (encrypted, JSON text) goes through `ifGiven`, which converts a
 * given value and keeps an absent one absent.
 */
export function ifGiven<T, R>(value: T | undefined, convert: (given: T) => R): R | undefined {
  return value === undefined ? undefined : convert(value);
}
