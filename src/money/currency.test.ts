import { expect, test } from 'vitest';
import { formatMoney, minorUnitDigits } from './currency.ts';

test('amounts in minor units are formatted with the currency’s own digits, the same on every call', () => {
  for (let call = 0; call < 2; call++) {
    expect([formatMoney(1999, 'USD'), formatMoney(1999, 'JPY'), formatMoney(1999, 'KWD'), formatMoney(-250, 'EUR')])
      .toEqual(['$19.99', '¥1,999', 'KWD\u00a01.999', '-€2.50']);
    expect([minorUnitDigits('USD'), minorUnitDigits('JPY'), minorUnitDigits('KWD')]).toEqual([2, 0, 3]);
  }
});

test('a well-formed code outside ISO 4217 still formats (two digits), and a malformed one is refused; ICU puts a no-break space after a code', () => {
  expect(formatMoney(1999, 'XYZ')).toBe('XYZ\u00a019.99');
  expect(() => formatMoney(1, 'US')).toThrow(RangeError);
});
