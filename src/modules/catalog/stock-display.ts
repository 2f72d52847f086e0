import type { Config } from '../../config.ts';

/**
 * What the Store API reveals of a variant's stock (STORE_STOCK_DISPLAY, STORE_STOCK_CAP): the exact
 * count (`exact`, the default), the count up to a cap and "cap or more" beyond it (`capped`: a
 * storefront shows "10+"), or nothing but whether it is in stock (`in_stock`: `available_quantity`
 * null). Staff (the Admin API) always see the exact figures.
 */
export type StockDisplay = Pick<Config, 'storeStockDisplay' | 'storeStockCap'>;

interface StockFields {
  in_stock: boolean;
  available_quantity: number | null;
  available_quantity_capped?: boolean;
}

/** A variant's stock fields as the storefront may see them. */
export function displayedStock<T extends StockFields>(variant: T, display: StockDisplay): T {
  if (display.storeStockDisplay === 'exact' || variant.available_quantity === null) return variant;
  if (display.storeStockDisplay === 'in_stock') return { ...variant, available_quantity: null };
  const capped = variant.available_quantity >= display.storeStockCap;
  return { ...variant, available_quantity: capped ? display.storeStockCap : variant.available_quantity, available_quantity_capped: capped };
}

/** Products (one, or a page's `data`) with every variant's stock as the storefront may see it. */
export function withDisplayedStock<P extends { variants: StockFields[] }>(products: P[], display: StockDisplay): P[] {
  if (display.storeStockDisplay === 'exact') return products;
  return products.map((p) => ({ ...p, variants: p.variants.map((v) => displayedStock(v, display)) }));
}

/**
 * The `available` of an insufficient_inventory refusal on a Store route, as the storefront may see
 * it: the same figure the product page would show (`available_capped` beside a capped one), or none.
 */
export function displayedShortfall(details: Record<string, unknown>, display: StockDisplay): Record<string, unknown> {
  if (display.storeStockDisplay === 'exact' || typeof details.available !== 'number') return details;
  const { available, ...rest } = details;
  if (display.storeStockDisplay === 'in_stock') return rest;
  const capped = available >= display.storeStockCap;
  return { ...rest, available: capped ? display.storeStockCap : available, available_capped: capped };
}
