import { AppError } from '../errors.ts';

const isoCodes = new Set(Intl.supportedValuesOf('currency'));

export function isCurrencyCode(code: string): boolean {
  return isoCodes.has(code);
}

/** Digits after the decimal point in the currency's minor unit: 2 for USD, 0 for JPY, 3 for KWD. */
export function minorUnitDigits(code: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Refuses anything that is not an upper-case ISO 4217 code, naming the field that carried it. */
export function assertCurrencyCode(code: string, field: string): void {
  if (!isCurrencyCode(code)) throw new AppError('invalid_currency', { field, currency_code: code }, `${field} must be an ISO 4217 code such as USD; ${code} is not one`);
}
