import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { loadCartState, purchasable } from '../cart/cart-query.ts';
import { addLineItem, createCart, FALLBACK_RATES_ONLY, setShippingMethod, updateCart } from '../cart/carts.ts';
import { closeDraftCart, draftCartPrices, lockCartForDraftOrder } from '../cart/draft-carts.ts';
import type { Address } from '../cart/schema.ts';
import type { AddressInput } from '../cart/shapes.ts';
import { recordEvents } from '../events/outbox.ts';
import type { EventSubscriber } from '../events/event-subscriber.ts';
import { ppmToPercent } from '../tax/tax-calculator.ts';
import { actorRef, type Actor } from './order-state.ts';
import type { DraftOrderStatus, DraftOrderTable } from './schema.ts';

/**
 * Draft orders (phone sales, B2B): staff build the order — lines, custom prices with a reason, addresses,
 * shipping — as a cart of the shop's own. Then either
 * - send it as a payment link: the customer completes that cart through the Store API (pay, complete),
 *   exactly like any checkout; its lines and prices are locked (409 cart_locked); or
 * - mark it paid: staff complete it server-side with the manual provider (captured at once), a checkout
 *   flow (checkout/draft-order-payment.ts).
 * Either way the order comes out of ordinary checkout: stock committed, number given, events written.
 *
 *   open ──send──► sent ──(customer completes, or mark paid)──► completed
 *     └──────────────┴──cancel──► canceled (the link stops working)
 *
 * A draft completed through its link reads as completed (with its order) from the cart's order.
 */
export interface DraftOrderInput {
  email: string;
  region_id?: string;
  currency_code?: string;
  shipping_address: AddressInput;
  billing_address?: AddressInput | null;
  shipping_option_id: string;
  lines: { variant_id: string; quantity: number; unit_price?: number; price_reason?: string }[];
  note?: string | null;
}

export interface DraftOrderView {
  id: string;
  status: DraftOrderStatus;
  cart_id: string;
  order_id: string | null;
  email: string | null;
  region_id: string;
  currency_code: string;
  items: {
    id: string; variant_id: string; sku: string | null; title: string; variant_title: string; quantity: number; unit_price: number;
    custom_price: boolean; price_reason: string | null; subtotal: number; tax_rate: number; tax_total: number; total: number;
  }[];
  shipping_address: Address | null;
  billing_address: Address | null;
  shipping_method: { option_id: string; name: string; amount: number } | null;
  subtotal: number;
  shipping_total: number;
  tax_total: number;
  total: number;
  note: string | null;
  created_by: string;
  created_at: Date;
  sent_at: Date | null;
  completed_at: Date | null;
  canceled_at: Date | null;
}

/** Rewrites a cart service's field name (`body.variant_id`) to where it is in the draft's body. */
async function naming<T>(field: (original: string) => string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && typeof error.details.field === 'string') error.details.field = field(error.details.field);
    throw error;
  }
}

export async function createDraftOrder(db: Db, input: DraftOrderInput, actor: Actor): Promise<string> {
  const variants = new Set<string>();
  input.lines.forEach((line, i) => {
    if (variants.has(line.variant_id)) throw new AppError('invalid_request', { field: `body.lines[${i}].variant_id` }, `body.lines[${i}].variant_id is listed twice`);
    variants.add(line.variant_id);
    if (line.unit_price !== undefined && !line.price_reason) {
      throw new AppError('invalid_request', { field: `body.lines[${i}].price_reason` }, `body.lines[${i}].price_reason is required with a custom unit_price`);
    }
  });
  return inTransaction(db, async (tx) => {
    const cart = await createCart(tx, { region_id: input.region_id, currency_code: input.currency_code, email: input.email }, 'system');
    for (const [i, line] of input.lines.entries()) {
      await naming((f) => f.replace('body.', `body.lines[${i}].`), () => addLineItem(tx, cart.id, { variant_id: line.variant_id, quantity: line.quantity }, 'system'));
    }
    await updateCart(tx, cart.id, { shipping_address: input.shipping_address, billing_address: input.billing_address ?? null }, 'system');
    await naming(() => 'body.shipping_option_id', () => setShippingMethod(tx, cart.id, input.shipping_option_id, 'system', FALLBACK_RATES_ONLY));
    const state = await loadCartState(tx, cart.id, 'system');
    const id = newId('dord');
    await tx.insertInto('draft_order').values({ id, cart_id: cart.id, status: 'open', note: input.note ?? null, created_by: actorRef(actor) }).execute();
    await lockCartForDraftOrder(tx, {
      cartId: cart.id, draftOrderId: id,
      prices: input.lines.flatMap((line) => line.unit_price === undefined ? [] : [{
        line_id: state.lines.find((l) => l.variant_id === line.variant_id)!.id, unit_price: line.unit_price, reason: line.price_reason!,
      }]),
    });
    await recordEvents(tx, [{ type: 'draft_order.created', resource_type: 'draft_order', resource_id: id, payload: { draft_order_id: id, cart_id: cart.id, actor: actorRef(actor) } }]);
    return id;
  });
}

type DraftRow = Omit<Selectable<DraftOrderTable>, 'updated_at'>;

/** Draft rows with the status a completed checkout of their cart implies. */
function draftSelect() {
  return sql`
    select d.id, d.cart_id, d.note, d.created_by, d.created_at, d.sent_at, d.canceled_at,
      case when d.status in ('open', 'sent') and o.id is not null then 'completed' else d.status end as status,
      coalesce(d.order_id, o.id) as order_id, coalesce(d.completed_at, o.placed_at) as completed_at
    from draft_order d left join orders o on o.cart_id = d.cart_id and o.status <> 'pending'`;
}

async function draftRowOrThrow(db: Db, id: string): Promise<DraftRow> {
  const { rows } = await sql<DraftRow>`${draftSelect()} where d.id = ${id}`.execute(db);
  if (!rows[0]) throw new AppError('draft_order_not_found', { id });
  return rows[0];
}

export async function getDraftOrder(db: Db, id: string): Promise<DraftOrderView> {
  const draft = await draftRowOrThrow(db, id);
  const cart = await loadCartState(db, draft.cart_id, 'system');
  const prices = await draftCartPrices(db, draft.cart_id);
  const { totals } = cart;
  return {
    ...draft,
    email: cart.email,
    region_id: cart.region_id,
    currency_code: cart.currency_code,
    items: cart.lines.map((line, i) => ({
      id: line.id, variant_id: line.variant_id, sku: line.sku, title: line.title, variant_title: line.variant_title, quantity: line.quantity,
      unit_price: purchasable(line) ? line.unit_price! : 0, custom_price: prices.has(line.id), price_reason: prices.get(line.id)?.reason ?? null,
      subtotal: totals.lines[i].subtotal, tax_rate: ppmToPercent(totals.lines[i].tax_rate_ppm), tax_total: totals.lines[i].tax_total, total: totals.lines[i].total,
    })),
    shipping_address: cart.shipping_address,
    billing_address: cart.billing_address,
    shipping_method: cart.shipping_option ? { option_id: cart.shipping_option.id, name: cart.shipping_option.name, amount: totals.shipping_total } : null,
    subtotal: totals.subtotal,
    shipping_total: totals.shipping_total,
    tax_total: totals.tax_total,
    total: totals.total,
  };
}

export async function listDraftOrders(db: Db, filter: { status?: DraftOrderStatus }, page: { after?: unknown[]; limit: number }) {
  if (page.after && (page.after.length !== 1 || typeof page.after[0] !== 'string')) throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
  const { rows } = await sql<DraftRow>`
    select * from (${draftSelect()}) d
    where true ${filter.status ? sql`and d.status = ${filter.status}` : sql``} ${page.after ? sql`and d.id < ${page.after[0] as string}` : sql``}
    order by d.id desc limit ${page.limit + 1}`.execute(db);
  const data = rows.slice(0, page.limit);
  return { data, next: rows.length > page.limit ? [data[data.length - 1].id] : null };
}

function assertOpen(draft: DraftRow): void {
  if (draft.status === 'completed' || draft.status === 'canceled') throw new AppError('draft_order_not_open', { id: draft.id, status: draft.status, order_id: draft.order_id });
}

/** The draft, refused unless it is open or sent (404 draft_order_not_found, 409 draft_order_not_open). */
export async function openDraftOrderOrThrow(db: Db, id: string): Promise<DraftRow> {
  const draft = await draftRowOrThrow(db, id);
  assertOpen(draft);
  return draft;
}

/** Marks the draft sent and announces its payment link (the cart the customer completes). */
export async function sendDraftOrder(db: Db, id: string, input: { message?: string }, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.selectFrom('draft_order').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    const draft = await draftRowOrThrow(tx, id);
    assertOpen(draft);
    await tx.updateTable('draft_order').set({ status: 'sent', sent_at: new Date(), updated_at: new Date() }).where('id', '=', id).execute();
    await recordEvents(tx, [{ type: 'draft_order.sent', resource_type: 'draft_order', resource_id: id, payload: { draft_order_id: id, cart_id: draft.cart_id, message: input.message ?? null, actor: actorRef(actor) } }]);
  });
}

export async function cancelDraftOrder(db: Db, id: string, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.selectFrom('draft_order').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    const draft = await draftRowOrThrow(tx, id);
    assertOpen(draft);
    await closeDraftCart(tx, draft.cart_id);
    await tx.updateTable('draft_order').set({ status: 'canceled', canceled_at: new Date(), updated_at: new Date() }).where('id', '=', id).execute();
    await recordEvents(tx, [{ type: 'draft_order.canceled', resource_type: 'draft_order', resource_id: id, payload: { draft_order_id: id, actor: actorRef(actor) } }]);
  });
}

/**
 * Marks the draft whose cart became `orderId` completed and records draft_order.completed, once: only
 * an open or sent draft moves (staff marking it paid and the customer's link can both report it).
 */
export async function recordDraftCompleted(tx: Db, cartId: string, orderId: string, actor: string): Promise<void> {
  const completed = await tx.updateTable('draft_order').set({ status: 'completed', order_id: orderId, completed_at: new Date(), updated_at: new Date() })
    .where('cart_id', '=', cartId).where('status', 'in', ['open', 'sent']).returning('id').executeTakeFirst();
  if (!completed) return;
  await recordEvents(tx, [{ type: 'draft_order.completed', resource_type: 'draft_order', resource_id: completed.id, payload: { draft_order_id: completed.id, order_id: orderId, actor } }]);
}

/**
 * Completes a draft whose customer paid through its link: handed every `cart.completed` event (at least
 * once), it marks the draft of that cart, if there is one, completed.
 */
export function draftOrderCompletion(db: Db): EventSubscriber {
  return {
    name: 'draft-order-completion',
    events: ['cart.completed'],
    async handle(events) {
      for (const event of events) {
        const { cart_id: cartId, order_id: orderId } = event.payload as { cart_id: string; order_id: string };
        await inTransaction(db, (tx) => recordDraftCompleted(tx, cartId, orderId, 'customer'));
      }
    },
  };
}
