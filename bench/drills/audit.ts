import { sql } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/connection.ts';
import type { Db } from '../../src/db/database.ts';
import { databaseTarget } from '../../src/db/target.ts';
import type { FakeStripe } from '../../test/fakes/fake-stripe.ts';
import type { BuyerOutcomes } from './buyers.ts';

/**
 * The exact checks every drill ends with, read from the database itself (on the embedded database
 * once its process has stopped: only one process may open it). Each failed check is one sentence in
 * `failures`; the figures say what was counted.
 */
export interface Audit {
  figures: Record<string, unknown>;
  failures: string[];
}

/** Opens the shop's database for the audit and closes it after. */
export async function withDatabase<T>(env: Record<string, string>, use: (db: Db) => Promise<T>): Promise<T> {
  const handle = await openDatabase(databaseTarget(loadConfig({ ...env, LOG_LEVEL: 'warn' })));
  try {
    return await use(handle.db);
  } finally {
    await handle.close();
  }
}

export interface StockTotals {
  on_hand: number;
  committed: number;
  reserved: number;
}

/** The drill's variants' stock, summed over their levels. */
export async function stockOf(db: Db, variants: string[]): Promise<StockTotals> {
  const { rows } = await sql<StockTotals>`
    select coalesce(sum(l.on_hand), 0)::int as on_hand, coalesce(sum(l.committed), 0)::int as committed, coalesce(sum(l.reserved), 0)::int as reserved
    from inventory_level l join inventory_item i on i.id = l.item_id where i.variant_id in (${sql.join(variants)})`.execute(db);
  return rows[0];
}

export interface AuditInput {
  since: Date;
  outcomes: BuyerOutcomes;
  variants: string[];
  stockBefore: StockTotals;
  /** After the sweep has run past the holds' expiry: nothing may stay reserved. */
  holdsExpired: boolean;
  /** The fake gateway the shop charged, when it used one: its charges are counted against our payments. */
  gateway?: FakeStripe;
}

const TAKEN = ['authorized', 'captured', 'partially_captured'];

export async function auditCheckouts(db: Db, input: AuditInput): Promise<Audit> {
  const failures: string[] = [];
  const fail = (what: string) => failures.push(what);
  const { outcomes } = input;

  // Orders: every one a buyer was given exists; every one that exists was asked for; none pending.
  const orders = (await sql<{ id: string; cart_id: string; status: string; number: number | null }>`
    select id, cart_id, status, number from orders where created_at >= ${input.since}`.execute(db)).rows;
  const byCart = new Map<string, typeof orders>();
  for (const o of orders) byCart.set(o.cart_id, [...(byCart.get(o.cart_id) ?? []), o]);
  const duplicateCarts = [...byCart.values()].filter((list) => list.length > 1).length;
  const numbers = orders.filter((o) => o.number !== null).map((o) => o.number);
  const duplicateNumbers = numbers.length - new Set(numbers).size;
  const pending = orders.filter((o) => o.status === 'pending').length;
  const placed = orders.filter((o) => o.status !== 'pending');
  const lost = [...outcomes.placed].filter(([cart, id]) => !placed.some((o) => o.id === id && o.cart_id === cart)).length;
  const unasked = placed.filter((o) => !outcomes.placed.has(o.cart_id) && !outcomes.inDoubt.has(o.cart_id)).length;
  const refusedWithOrder = [...outcomes.refused].filter((cart) => byCart.has(cart)).length;
  const inDoubtPlaced = [...outcomes.inDoubt].filter((cart) => byCart.get(cart)?.some((o) => o.status !== 'pending')).length;
  if (duplicateCarts) fail(`${duplicateCarts} carts have more than one order`);
  if (duplicateNumbers) fail(`${duplicateNumbers} order numbers are used twice`);
  if (pending) fail(`${pending} orders are still pending`);
  if (lost) fail(`${lost} orders the buyers were given are not in the database`);
  if (unasked) fail(`${unasked} orders exist that no buyer completed`);
  if (refusedWithOrder) fail(`${refusedWithOrder} carts refused at complete have an order`);
  if (placed.length !== outcomes.placed.size + inDoubtPlaced) {
    fail(`${placed.length} orders in the database, ${outcomes.placed.size} answered 201 + ${inDoubtPlaced} in doubt that were placed`);
  }

  // Stock: on_hand untouched; committed and reserved are exactly the rows that account for them.
  const stock = await stockOf(db, input.variants);
  const { rows: [accounted] } = await sql<{ orders: number; holds: number; lines: number }>`
    select
      (select coalesce(sum(r.quantity), 0)::int from inventory_reservation r join inventory_item i on i.id = r.item_id
        where i.variant_id in (${sql.join(input.variants)}) and r.kind = 'order') as orders,
      (select coalesce(sum(r.quantity), 0)::int from inventory_reservation r join inventory_item i on i.id = r.item_id
        where i.variant_id in (${sql.join(input.variants)}) and r.kind = 'hold') as holds,
      (select coalesce(sum(li.quantity), 0)::int from order_line_item li join orders o on o.id = li.order_id
        where li.variant_id in (${sql.join(input.variants)}) and o.status <> 'canceled') as lines`.execute(db);
  if (stock.on_hand !== input.stockBefore.on_hand) fail(`on_hand moved from ${input.stockBefore.on_hand} to ${stock.on_hand}`);
  if (stock.committed !== accounted.orders || accounted.orders !== accounted.lines) {
    fail(`committed ${stock.committed}, order reservations ${accounted.orders}, units in orders ${accounted.lines}`);
  }
  if (stock.reserved !== accounted.holds) fail(`reserved ${stock.reserved}, but holds add up to ${accounted.holds}`);
  if (input.holdsExpired && stock.reserved !== 0) fail(`${stock.reserved} units still reserved after the holds expired and the sweep ran`);
  const unitsSold = placed.length ? (await sql<{ n: number }>`
    select coalesce(sum(quantity), 0)::int as n from order_line_item where order_id in (${sql.join(placed.map((o) => o.id))})`.execute(db)).rows[0].n : 0;
  if (stock.committed - input.stockBefore.committed !== unitsSold) {
    fail(`committed rose by ${stock.committed - input.stockBefore.committed}, the drill's orders hold ${unitsSold} units`);
  }

  // Payments: one taken payment per placed order, none for a cart without one.
  const payments = (await sql<{ id: string; cart_id: string; order_id: string | null; status: string; provider_reference: string | null }>`
    select id, cart_id, order_id, status, provider_reference from payment where created_at >= ${input.since}`.execute(db)).rows;
  const taken = payments.filter((p) => TAKEN.includes(p.status));
  const takenCarts = new Set(taken.map((p) => p.cart_id));
  if (taken.length !== takenCarts.size) fail(`${taken.length - takenCarts.size} carts were charged twice`);
  if (taken.length !== placed.length || placed.some((o) => !takenCarts.has(o.cart_id))) fail(`${taken.length} payments taken for ${placed.length} orders`);
  const paymentsByStatus: Record<string, number> = {};
  for (const p of payments) paymentsByStatus[p.status] = (paymentsByStatus[p.status] ?? 0) + 1;

  const figures: Record<string, unknown> = {
    orders_answered_201: outcomes.placed.size, completes_in_doubt: outcomes.inDoubt.size, in_doubt_placed: inDoubtPlaced,
    orders_in_db: placed.length, pending_orders: pending, duplicate_orders: duplicateCarts, duplicate_numbers: duplicateNumbers,
    stock_before: input.stockBefore, stock_after: stock, units_sold: unitsSold, payments: paymentsByStatus,
  };

  // The gateway's own count: what it holds authorized or captured is exactly what we recorded as taken.
  if (input.gateway) {
    const intents = [...input.gateway.intents.values()];
    const charged = intents.filter((i) => i.status === 'requires_capture' || i.status === 'succeeded');
    const recorded = new Set(taken.map((p) => p.provider_reference));
    const unrecorded = charged.filter((i) => !recorded.has(i.id)).length;
    if (unrecorded) fail(`${unrecorded} charges at the gateway have no taken payment (money held without an order)`);
    if (charged.length !== taken.length) fail(`${charged.length} charges at the gateway, ${taken.length} payments taken`);
    const byStatus: Record<string, number> = {};
    for (const i of intents) byStatus[i.status] = (byStatus[i.status] ?? 0) + 1;
    figures.gateway_intents = byStatus;
  }
  return { figures, failures };
}
