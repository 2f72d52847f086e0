import { createHash } from 'node:crypto';
import { abortable, type Parcel, type ParcelAddress } from './carrier.ts';
import type { Carriers } from './carriers.ts';

/**
 * Carrier-calculated shipping (price_type `calculated`): the carrier's rate for the cart's parcel,
 * plus the option's markup; when the carrier is down, too slow (CARRIER_TIMEOUT_MS) or has no such
 * service, the option's fixed `amount` instead, so checkout never fails because of a carrier.
 */
export interface CalculatedOption {
  carrier_id: string | null;
  carrier_service: string | null;
  rate_markup_ppm: number;
  rate_markup_amount: number;
  /** The fallback. */
  amount: number | null;
}

/** The rate a cart was quoted, for the parcel and destination `key` names. */
export interface ShippingQuote {
  option_id: string;
  key: string;
  amount: number;
  source: 'carrier' | 'fallback';
  service: string | null;
}

export interface ParcelLine {
  quantity: number;
  weight_grams: number | null;
  length_mm: number | null;
  width_mm: number | null;
  height_mm: number | null;
}

/**
 * One box for the whole cart: the weights summed, the longest length and width, the heights stacked.
 * Dimensions are known only when every line has them (a carrier prices a box it can measure).
 */
export function parcelOf(lines: ParcelLine[]): Parcel {
  const weight = lines.reduce((n, l) => n + (l.weight_grams ?? 0) * l.quantity, 0);
  const measured = lines.length > 0 && lines.every((l) => l.length_mm && l.width_mm && l.height_mm);
  if (!measured) return { weight_grams: weight, length_mm: null, width_mm: null, height_mm: null };
  return {
    weight_grams: weight,
    length_mm: Math.max(...lines.map((l) => l.length_mm!)),
    width_mm: Math.max(...lines.map((l) => l.width_mm!)),
    height_mm: lines.reduce((n, l) => n + l.height_mm! * l.quantity, 0),
  };
}

/** What a quote depends on: a cart whose parcel or destination changed since must be quoted again. */
export function quoteKey(optionId: string, parcel: Parcel, to: ParcelAddress | null): string {
  const parts = [optionId, parcel.weight_grams, parcel.length_mm, parcel.width_mm, parcel.height_mm, to?.country_code ?? '', to?.postal_code ?? ''];
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
}

/** The carrier's rate with the markup: a percentage (ppm, rounded half up), then a fixed amount. */
export function withMarkup(rate: number, option: Pick<CalculatedOption, 'rate_markup_ppm' | 'rate_markup_amount'>): number {
  return rate + Math.floor((rate * option.rate_markup_ppm + 500_000) / 1_000_000) + option.rate_markup_amount;
}

export async function quoteCalculatedOption(
  carriers: Carriers,
  option: CalculatedOption & { id: string },
  request: { from: ParcelAddress | null; to: ParcelAddress | null; parcel: Parcel; currency_code: string },
  timeoutMs: number,
): Promise<ShippingQuote> {
  const key = quoteKey(option.id, request.parcel, request.to);
  const fallback: ShippingQuote = { option_id: option.id, key, amount: option.amount ?? 0, source: 'fallback', service: option.carrier_service };
  const carrier = option.carrier_id ? carriers.get(option.carrier_id) : undefined;
  if (!carrier?.rates || !request.from || !request.to) return fallback;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // abortable(): an adapter that ignores the signal still cannot hold the buyer past the timeout.
    const rates = await abortable(controller.signal, carrier.rates({ from: request.from, to: request.to, parcel: request.parcel, currency_code: request.currency_code, signal: controller.signal }));
    const usable = rates.filter((r) => r.currency_code.toUpperCase() === request.currency_code.toUpperCase()
      && (option.carrier_service === null || r.service === option.carrier_service));
    if (usable.length === 0) return fallback;
    const best = usable.reduce((a, b) => (b.amount < a.amount ? b : a));
    return { option_id: option.id, key, amount: withMarkup(best.amount, option), source: 'carrier', service: best.service };
  } catch {
    // Down, refused, too slow, or an adapter's bug: none is a reason to stop a checkout.
    return fallback;
  } finally {
    clearTimeout(timer);
  }
}
