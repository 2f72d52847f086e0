/**
 * Money and dates, formatted one way everywhere. Amounts are integers in the currency's minor unit;
 * the number of decimals comes from Intl (JPY 0, EUR 2, KWD 3), never from a table of our own.
 */
const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string): Intl.NumberFormat {
  const code = currency.toUpperCase();
  let format = moneyFormats.get(code);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency: code });
    moneyFormats.set(code, format);
  }
  return format;
}

export function currencyDecimals(currency: string): number {
  return moneyFormat(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatMoney(minor: number, currency: string): string {
  return moneyFormat(currency).format(minor / 10 ** currencyDecimals(currency));
}

/** Major units as typed ("12.5", "12,50") → minor units; null for empty or unreadable input (empty ≠ 0). */
export function parseMoney(text: string, currency: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (!trimmed) return null;
  // A comma followed by 1–3 digits at the end is a decimal comma; other commas group thousands.
  const normalized = /,\d{1,3}$/.test(trimmed) && !trimmed.includes('.') ? trimmed.replace(/\./g, '').replace(',', '.') : trimmed.replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(normalized)) return null;
  const decimals = currencyDecimals(currency);
  const [whole, fraction = ''] = normalized.replace('-', '').split('.');
  if (fraction.length > decimals) return null;
  const minor = Number(whole) * 10 ** decimals + Number(fraction.padEnd(decimals, '0') || 0);
  return normalized.startsWith('-') ? -minor : minor;
}

/** Minor units → the text a person edits ("12.50"). */
export function moneyInput(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined) return '';
  const decimals = currencyDecimals(currency);
  return (minor / 10 ** decimals).toFixed(decimals);
}

let timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
let absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone });
let dayOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const number = new Intl.NumberFormat();

/**
 * Dates are shown in the shop's time zone (`GET /admin/shop`), set once after sign-in, so staff in
 * different places read the same day and hour; the browser's zone until then, or when the role
 * cannot read the shop's settings.
 */
export function setShopTimeZone(zone: string): void {
  timeZone = zone;
  absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  dayOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone });
}

export function shopTimeZone(): string {
  return timeZone;
}

/** The calendar day (2026-12-06) of a moment in the shop's time zone. */
export function dayKey(moment: Date | number): string {
  return new Date(moment).toLocaleDateString('en-CA', { timeZone });
}

export function formatDateTime(iso: string): string {
  return absolute.format(new Date(iso));
}

export function formatDay(iso: string | Date): string {
  return dayOnly.format(typeof iso === 'string' ? new Date(iso) : iso);
}

export function formatNumber(value: number): string {
  return number.format(value);
}

/** "3 h ago" under a week, else the date and time. */
export function formatRelative(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs >= 7 * 86400) return formatDateTime(iso);
  if (abs < 60) return relative.format(seconds, 'second');
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return relative.format(Math.round(seconds / 3600), 'hour');
  return relative.format(Math.round(seconds / 86400), 'day');
}

/** `payment_status` → "Payment status"; `partially_refunded` → "Partially refunded". */
export function humanize(value: string): string {
  const text = value.replace(/[_:]/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An ISO time as a datetime-local value in the browser's zone, and back. */
export const toLocal = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : '');
export const fromLocal = (local: string) => (local ? new Date(local).toISOString() : null);
