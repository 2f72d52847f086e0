import type { Db } from '../../db/database.ts';
import type { ParcelAddress } from './carrier.ts';
import { parcelOf, quoteCalculatedOption, quoteKey, type CalculatedOption, type ParcelLine, type ShippingQuote } from './carrier-rates.ts';
import type { Carriers } from './carriers.ts';

/** What carts need to quote calculated options: the carriers and how long a buyer waits for one. */
export interface RateDeps {
  carriers: Carriers;
  timeoutMs: number;
}

interface CartAddress {
  first_name?: string | null;
  last_name?: string | null;
  address_1?: string | null;
  city?: string | null;
  postal_code?: string | null;
  province?: string | null;
  country_code?: string | null;
}

export function parcelAddressOf(address: CartAddress | null): ParcelAddress | null {
  if (!address?.postal_code || !address.country_code) return null;
  const name = [address.first_name, address.last_name].filter(Boolean).join(' ') || null;
  return {
    name, address_1: address.address_1 ?? null, city: address.city ?? null, postal_code: address.postal_code,
    province: address.province ?? null, country_code: address.country_code,
  };
}

/** Parcels leave from the first stock location (by priority, as checkout draws stock) that has a postcode and country. */
export async function shipFromAddress(db: Db): Promise<ParcelAddress | null> {
  const locations = await db.selectFrom('stock_location').select(['name', 'address']).where('active', '=', true)
    .orderBy('priority', 'desc').orderBy('id').execute();
  for (const location of locations) {
    const origin = parcelAddressOf(location.address as CartAddress);
    if (origin) return { ...origin, name: origin.name ?? location.name };
  }
  return null;
}

/** Quotes a calculated option for a cart's lines and shipping address (carrier-rates.ts decides the fallback). */
export async function quoteForCart(
  db: Db,
  deps: RateDeps,
  option: CalculatedOption & { id: string },
  cart: { lines: ParcelLine[]; shipping_address: CartAddress | null; currency_code: string },
): Promise<ShippingQuote> {
  return quoteCalculatedOption(deps.carriers, option, {
    from: await shipFromAddress(db), to: parcelAddressOf(cart.shipping_address), parcel: parcelOf(cart.lines), currency_code: cart.currency_code,
  }, deps.timeoutMs);
}

/**
 * The amount a calculated option costs the cart now: the stored quote while the parcel and destination
 * are those it was quoted for, else the option's fallback (choosing the option again quotes afresh).
 */
export function quotedAmount(option: { id: string; amount: number | null }, quote: ShippingQuote | null, cart: { lines: ParcelLine[]; shipping_address: CartAddress | null }): number {
  const key = quoteKey(option.id, parcelOf(cart.lines), parcelAddressOf(cart.shipping_address));
  return quote && quote.option_id === option.id && quote.key === key ? quote.amount : (option.amount ?? 0);
}
