import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { complete, pay, readyCart } from './selling.ts';
import type { TestShop } from './test-shop.ts';

/** Helpers for the order operations' tests. */

/** Places an order through the Store API (test card) and returns it, with its access token. */
export async function placeOrder(shop: TestShop, lines: { variant_id: string; quantity: number }[], opts: { email?: string; address?: object; currency?: string } = {}) {
  const cart = await readyCart(shop, { lines, ...opts });
  const paying = await pay(shop, cart.id);
  expect(paying.status, paying.text).toBe(200);
  const placed = await complete(shop, cart.id);
  expect(placed.status, placed.text).toBe(201);
  return placed.body;
}

const TABLES = [
  'inventory_level', 'inventory_reservation', 'inventory_movement', 'payment', 'payment_transaction', 'orders', 'order_line_item',
  'order_fulfillment', 'order_fulfillment_item', 'order_return', 'order_return_item', 'order_refund', 'order_payment_operation', 'order_edit',
  'order_activity', 'draft_order', 'cart', 'cart_line_item',
];

/** Every row the order operations may touch, and the outbox's size: a refused request must leave all of it as it was. */
export async function snapshotOrderTables(db: Db): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const table of TABLES) out[table] = (await sql.raw(`select * from ${table} order by 1, 2`).execute(db)).rows;
  out.events = (await sql<{ n: number }>`select count(*)::int as n from event_outbox`.execute(db)).rows[0].n;
  return out;
}
