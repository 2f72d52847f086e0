import { AppError } from '../errors.ts';

const isoCodes = new Set(Intl.supportedValuesOf('currency'));

export function isCurrencyCode(code: string): boolean {
  return isoCodes.has(code);
}

interface CurrencyFormat {
  format: Intl.NumberFormat;
  digits: number;
}

const formats = new Map<string, CurrencyFormat>();

/**
 * The currency's formatter and minor-unit digits. Building an Intl.NumberFormat costs many times
 * what formatting with it does (every order e-mail formats a dozen amounts), so each ISO code's is
 * built once; anything else is built afresh, so callers cannot grow the map.
 */
function currencyFormat(code: string): CurrencyFormat {
  const known = formats.get(code);
  if (known) return known;
  const format = new Intl.NumberFormat('en', { style: 'currency', currency: code });
  const made = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
  if (isCurrencyCode(code)) formats.set(code, made);
  return made;
}

/** Digits after the decimal point in the currency's minor unit: 2 for USD, 0 for JPY, 3 for KWD. */
export function minorUnitDigits(code: string): number {
  return currencyFormat(code).digits;
}

/** 1999 USD → "$19.99"; 1999 JPY → "¥1,999". */
export function formatMoney(amount: number, currencyCode: string): string {
  const { format, digits } = currencyFormat(currencyCode);
  return format.format(amount / 10 ** digits);
}

/** Refuses anything that is not an upper-case ISO 4217 code, naming the field that carried it. */
export function assertCurrencyCode(code: string, field: string): void {
  if (!isCurrencyCode(code)) throw new AppError('invalid_currency', { field, currency_code: code }, `${field} must be an ISO 4217 code such as USD; ${code} is not one`);
}
