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
const wallClockFormat = () => new Intl.DateTimeFormat('en-US', {
  timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});
let wallClock = wallClockFormat();
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
  wallClock = wallClockFormat();
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

/** How far the shop's clocks are ahead of UTC at a moment, in ms (negative west of Greenwich). */
function shopOffset(moment: number): number {
  const at = Math.floor(moment / 1000) * 1000;
  const part = Object.fromEntries(wallClock.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second) - at;
}

/**
 * An ISO time as a datetime-local value, and back (empty is null), both in the shop's time zone:
 * what staff type means the shop's hour, as the dates they read do, wherever their browser is.
 */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const moment = new Date(iso).getTime();
  return new Date(moment + shopOffset(moment)).toISOString().slice(0, 16);
}

export function fromLocalInput(local: string): string | null {
  if (!local) return null;
  const wall = Date.parse(`${local}Z`);
  // The offset at the wall time read as UTC, then again at the moment that gives: right across a DST
  // change too. A time skipped by a spring-forward change lands on the hour after the gap.
  const first = wall - shopOffset(wall);
  return new Date(wall - shopOffset(first)).toISOString();
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
