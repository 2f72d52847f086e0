import { expect, test } from 'vitest';
import { disabledTestsIn } from './helpers/disabled-tests.ts';

/** The check `npm test` runs first (test/helpers/global-setup.ts): hand-disabled tests stop the run. */
test('finds .only, .skip, .todo and x-aliases; lets conditional skips through', () => {
  // Written with "~" for the dot and "%" for the x of xit, or this file would trip the check it tests.
  const source = [
    "test~only('a', () => {});",
    "describe~skip('b', () => {});",
    "it~todo('c');",
    "%it('d', () => {});",
    "test('e', (ctx) => { ctx~skip(); });",
    "test ~ skip ('f', () => {});",
    "test~skipIf(!onServer)('g', () => {});",
    "describe~runIf(onServer)('h', () => {});",
    "test('i: a mention of test~only( in a string is flagged too', () => {});",
    "const skipped = list~skip;",
    "mytest~only('j');",
  ].join('\n').replaceAll('%', 'x').replaceAll('~', '.');
  expect(disabledTestsIn(source).map((h) => h.line)).toEqual([1, 2, 3, 4, 5, 6, 9]);
});
