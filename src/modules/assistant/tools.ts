import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { getPublishedProductOfVariant, queryProducts } from '../catalog/product-query.ts';
import type { Product } from '../catalog/shapes.ts';
import { withDisplayedStock } from '../catalog/stock-display.ts';
import { listCustomerOrders } from '../orders/order-customers.ts';
import { listOrders } from '../orders/order-list.ts';
import { getOrderForBuyer } from '../orders/orders.ts';
import type { PolicyTopic, SearchSlots } from './schema.ts';
import { getAssistantSettings } from './settings.ts';

/**
 * What the assistant can do, the same functions with or without a model. Each takes the caller —
 * who is asking, as the request proved it (their session, the order token they sent, their cart) —
 * never an identity from the message, so neither a shopper nor a model can reach past it.
 */
export interface Caller {
  customerId: string | null;
  /** The X-Order-Token a guest sent: it opens that one order. */
  orderToken: string | undefined;
  cartId: string | null;
  /** Prices are compared in this currency unless the message names one. */
  currencyCode: string;
}

export interface AssistantDeps { db: Db; config: Config }

export const MAX_PRODUCTS = 5;
const CANDIDATES = 40;

export interface OrderStatus {
  id: string;
  display_number: string | null;
  status: string;
  payment_status: string;
  fulfillment_status: string;
  placed_at: Date | string | null;
}

export interface CartAction { type: 'add_to_cart'; variant_id: string; quantity: number; cart_id: string | null }

/** A variant of the product that can be sold now, has the options asked for and a price in range. */
export function matchingVariants(product: Product, slots: SearchSlots) {
  const currency = slots.currency_code;
  return product.variants.filter((variant) => {
    if (!variant.in_stock) return false;
    for (const [option, value] of Object.entries(slots.options)) {
      const own = Object.entries(variant.options).find(([title]) => title.toLowerCase() === option)?.[1];
      if (own === undefined || own.toLowerCase() !== value.toLowerCase()) return false;
    }
    if (slots.price_min === undefined && slots.price_max === undefined) return true;
    const price = variant.prices.find((p) => p.currency_code === currency)?.amount;
    return price !== undefined && (slots.price_min === undefined || price >= slots.price_min) && (slots.price_max === undefined || price <= slots.price_max);
  });
}

/**
 * Published products for a search: every word matched (with the catalog's synonyms and typo
 * tolerance); failing that, the products matching the most words ("warm jacket" → warm things and
 * jackets, those both first). Then only those with a variant in stock, with the options and in the
 * price range asked for.
 */
export async function searchProducts(deps: AssistantDeps, slots: SearchSlots, limit = MAX_PRODUCTS): Promise<Product[]> {
  const filter = {
    statuses: ['published'],
    ...(slots.price_min !== undefined || slots.price_max !== undefined
      ? { currency_code: slots.currency_code, price_max: slots.price_max }
      : {}),
  };
  const page = { limit: CANDIDATES };
  let candidates: Product[];
  if (!slots.words.length) {
    candidates = (await queryProducts(deps.db, filter, { ...page, limit: 100 })).products;
  } else {
    candidates = (await queryProducts(deps.db, { ...filter, q: slots.words.join(' ') }, page)).products;
    if (!candidates.length && slots.words.length > 1) {
      const hits = new Map<string, { product: Product; words: number; first: number }>();
      let seen = 0;
      for (const word of slots.words) {
        for (const product of (await queryProducts(deps.db, { ...filter, q: word }, page)).products) {
          const hit = hits.get(product.id) ?? { product, words: 0, first: seen++ };
          hit.words++;
          hits.set(product.id, hit);
        }
      }
      candidates = [...hits.values()].sort((a, b) => b.words - a.words || a.first - b.first).map((h) => h.product);
    }
  }
  const found = candidates.filter((product) => matchingVariants(product, slots).length).slice(0, limit);
  return withDisplayedStock(found, deps.config);
}

export type OrderLookup =
  | { found: true; order: OrderStatus }
  | { found: false; reason: 'not_found' | 'need_number' | 'no_orders' | 'sign_in' };

/**
 * An order's status, for its buyer only: the signed-in customer's own orders, or the order whose
 * token a guest sent. An order of someone else's is `not_found`, exactly as one that does not exist.
 */
export async function getOrderStatus(deps: AssistantDeps, caller: Caller, orderNumber: string | undefined): Promise<OrderLookup> {
  const { db, config } = deps;
  let orderId: string | undefined;
  if (orderNumber !== undefined) {
    if (!/^\d{1,9}$/.test(orderNumber)) return { found: false, reason: 'not_found' };
    const page = await listOrders(db, { q: orderNumber }, { limit: 1 }, config.orderNumberPrefix);
    orderId = page.data[0]?.id;
    if (!orderId) return { found: false, reason: 'not_found' };
  } else if (caller.customerId) {
    orderId = (await listCustomerOrders(db, caller.customerId, { limit: 1 })).data[0]?.id;
    if (!orderId) return { found: false, reason: 'no_orders' };
  } else {
    return { found: false, reason: caller.orderToken ? 'need_number' : 'sign_in' };
  }
  try {
    const order = await getOrderForBuyer(db, orderId, { token: caller.orderToken, customerId: caller.customerId }, config.orderNumberPrefix);
    return {
      found: true,
      order: {
        id: order.id, display_number: order.display_number, status: order.status, payment_status: order.payment_status,
        fulfillment_status: order.fulfillment_status, placed_at: order.placed_at,
      },
    };
  } catch (error) {
    if (error instanceof AppError && error.code === 'order_not_found') return { found: false, reason: 'not_found' };
    throw error;
  }
}

/** The merchant's text for a topic, or null when they set none. */
export async function getPolicy(deps: AssistantDeps, topic: PolicyTopic): Promise<string | null> {
  return (await getAssistantSettings(deps.db)).policies[topic] ?? null;
}

/**
 * A cart line to propose, never applied here: the storefront adds it through the cart API, which
 * checks the cart is the caller's and the stock is there. Null for a variant that cannot be sold.
 */
export async function proposeCartAction(deps: AssistantDeps, caller: Caller, variantId: string, quantity: number): Promise<CartAction | null> {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 99) return null;
  const product = await getPublishedProductOfVariant(deps.db, variantId);
  const variant = product?.variants.find((v) => v.id === variantId);
  if (!variant?.in_stock) return null;
  return { type: 'add_to_cart', variant_id: variantId, quantity, cart_id: caller.cartId };
}
