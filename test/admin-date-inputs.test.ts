import { describe, expect, test } from 'vitest';
import { fromLocalInput, setShopTimeZone, toLocalInput } from '../admin/src/lib/format.ts';

/**
 * The admin app's date fields mean the shop's wall clock: a typed `datetime-local` value becomes the
 * UTC moment of that hour in the shop's zone and reads back as typed, across daylight-saving changes.
 * (The browser's own zone is covered in Chromium by test/browser/admin-pricing.test.ts.)
 */
describe('dates typed in the shop’s time zone', () => {
  test.each([
    ['Pacific/Kiritimati', '2027-06-01T12:00', '2027-05-31T22:00:00.000Z'],
    ['America/New_York', '2026-01-15T09:30', '2026-01-15T14:30:00.000Z'],
    ['America/New_York', '2026-07-15T09:30', '2026-07-15T13:30:00.000Z'],
    // The night Berlin moves to summer time (02:00 → 03:00) and back (03:00 → 02:00).
    ['Europe/Berlin', '2026-03-29T01:30', '2026-03-29T00:30:00.000Z'],
    ['Europe/Berlin', '2026-03-29T03:30', '2026-03-29T01:30:00.000Z'],
    ['Europe/Berlin', '2026-10-25T04:00', '2026-10-25T03:00:00.000Z'],
    ['Asia/Kolkata', '2026-12-06T00:00', '2026-12-05T18:30:00.000Z'],
  ])('%s: %s is %s, and reads back as typed', (zone, typed, utc) => {
    setShopTimeZone(zone);
    expect(fromLocalInput(typed)).toBe(utc);
    expect(toLocalInput(utc)).toBe(typed);
  });

  test('a time skipped by the spring-forward change lands on the hour after the gap; empty is null', () => {
    setShopTimeZone('Europe/Berlin');
    expect(fromLocalInput('2026-03-29T02:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(toLocalInput('2026-03-29T01:30:00.000Z')).toBe('2026-03-29T03:30');
    expect(fromLocalInput('')).toBeNull();
    expect(toLocalInput(null)).toBe('');
  });
});
