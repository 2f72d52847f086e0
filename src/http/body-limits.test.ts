import { expect, test } from 'vitest';
import { bodyLimitBreach, MAX_BODY_DEPTH, MAX_OBJECT_KEYS } from './body-limits.ts';

/** The limits' edges, without HTTP (test/security/public-write-limits.test.ts sends them to every public route). */
const nest = (levels: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
};
const wide = (keys: number) => Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i]));

test(`a body may nest ${MAX_BODY_DEPTH} levels, not one more; the check does not recurse`, () => {
  expect(bodyLimitBreach(nest(MAX_BODY_DEPTH))).toBeNull();
  expect(bodyLimitBreach(nest(MAX_BODY_DEPTH + 1))).toEqual({ limit: 'max_depth', max: MAX_BODY_DEPTH, field: 'body.a' });
  expect(bodyLimitBreach({ email: JSON.parse(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`) })).toEqual({ limit: 'max_depth', max: MAX_BODY_DEPTH, field: 'body.email' });
});

test(`an object may have ${MAX_OBJECT_KEYS} keys, not one more, wherever it is`, () => {
  expect(bodyLimitBreach(wide(MAX_OBJECT_KEYS))).toBeNull();
  expect(bodyLimitBreach(wide(MAX_OBJECT_KEYS + 1))).toEqual({ limit: 'max_keys', max: MAX_OBJECT_KEYS, field: 'body' });
  expect(bodyLimitBreach({ lines: [{ ok: 1 }, { meta: wide(MAX_OBJECT_KEYS + 1) }] })).toEqual({ limit: 'max_keys', max: MAX_OBJECT_KEYS, field: 'body.lines' });
  // Arrays are not objects: a long one is for the route's maxItems to judge.
  expect(bodyLimitBreach({ ids: Array.from({ length: 50_000 }, (_, i) => i) })).toBeNull();
});

test('bodies that are not parsed JSON (a raw Buffer, a string, nothing) are left alone', () => {
  expect(bodyLimitBreach(Buffer.from('[[[[[['))).toBeNull();
  expect(bodyLimitBreach('text')).toBeNull();
  expect(bodyLimitBreach(undefined)).toBeNull();
  expect(bodyLimitBreach(null)).toBeNull();
});
