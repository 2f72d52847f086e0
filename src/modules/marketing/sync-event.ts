import { cartLink, type StorefrontPages } from '../../config.ts';
import { decrypt, decryptNullable } from '../../crypto/data-encryption.ts';
import type { Db } from '../../db/database.ts';
import { currentConsent } from './consent.ts';
import type { MarketingContact, MarketingProvider } from './provider.ts';
import type { DeadLetterRefs } from './schema.ts';
import { segmentsOf } from './segments.ts';

export interface MarketingSyncDeps {
  db: Db;
  provider: MarketingProvider;
  /** Where a cart_abandoned event's link points (STOREFRONT_URL and its checkout path). */
  storefront: StorefrontPages;
}

/** What the sync needs of an outbox event: what happened, to whom, and the ids it refers to. Also what a dead letter keeps. */
export interface SyncEvent {
  id: string;
  type: string;
  customer_id: string | null;
  refs: DeadLetterRefs;
  occurred_at: Date;
}

async function contactOf(db: Db, customerId: string): Promise<MarketingContact | null> {
  const customer = await db.selectFrom('customer').select(['id', 'email', 'first_name', 'last_name', 'phone', 'anonymized_at'])
    .where('id', '=', customerId).executeTakeFirst();
  if (!customer || customer.anonymized_at) return null;
  const consent = await currentConsent(db, customerId);
  const groups = await db.selectFrom('customer_group_member as m').innerJoin('customer_group as g', 'g.id', 'm.group_id')
    .select('g.name').where('m.customer_id', '=', customerId).orderBy('g.name').execute();
  return {
    customer_id: customerId, email: decrypt(customer.email), first_name: decryptNullable(customer.first_name), last_name: decryptNullable(customer.last_name),
    phone: decryptNullable(customer.phone), consent: { email: consent.email.granted, sms: consent.sms.granted },
    tags: [...groups.map((g) => g.name), ...(await segmentsOf(db, customerId))],
  };
}

/** Makes the one call (or two) an event asks of the tool. Exported for resending a dead letter. */
export async function syncEvent(deps: MarketingSyncDeps, event: SyncEvent): Promise<void> {
  const { db, provider } = deps;
  const customerId = event.customer_id;
  if (!customerId) return;
  if (event.type === 'customer.anonymized') {
    await provider.removeContact({ customer_id: customerId, email: null, reason: 'erased' });
    return;
  }
  const contact = await contactOf(db, customerId);
  if (!contact) return;
  if (!contact.consent.email) {
    if (event.type === 'customer.marketing_consent_changed') await provider.removeContact({ customer_id: customerId, email: contact.email, reason: 'consent_withdrawn' });
    return;
  }
  if (event.type === 'customer.marketing_consent_changed') {
    await provider.upsertContact(contact);
    return;
  }
  const tracked = await trackedEventOf(deps, event);
  if (!tracked) return;
  await provider.upsertContact(contact);
  await provider.trackEvent({ event_id: event.id, customer_id: customerId, email: contact.email, occurred_at: event.occurred_at.toISOString(), ...tracked });
}

/** The event the tool records, or null when there is nothing to tell any more (a cart completed since it was left). */
async function trackedEventOf(deps: MarketingSyncDeps, event: SyncEvent) {
  const { db } = deps;
  if (event.type === 'order.placed' && event.refs.order_id) {
    const order = await db.selectFrom('orders').select(['id', 'number', 'total', 'currency_code']).where('id', '=', event.refs.order_id).executeTakeFirst();
    if (!order) return null;
    const lines = await db.selectFrom('order_line_item').select(['product_id', 'variant_id', 'sku', 'title', 'quantity', 'unit_price'])
      .where('order_id', '=', order.id).orderBy('id').execute();
    return { name: 'order_placed' as const, properties: { order_id: order.id, number: order.number, value: Number(order.total), currency_code: order.currency_code, lines } };
  }
  if (event.type === 'cart.abandoned' && event.refs.cart_id) {
    // Only while the cart is still open: a buyer who came back and paid needs no nudge.
    const open = await db.selectFrom('cart').select('id').where('id', '=', event.refs.cart_id).where('completed_at', 'is', null).executeTakeFirst();
    if (!open || event.refs.value === undefined) return null;
    const lines = await db.selectFrom('cart_line_item as li').innerJoin('product_variant as v', 'v.id', 'li.variant_id').innerJoin('product as p', 'p.id', 'v.product_id')
      .select(['p.id as product_id', 'li.variant_id', 'v.sku', 'p.title', 'li.quantity']).where('li.cart_id', '=', open.id).orderBy('li.created_at').orderBy('li.id').execute();
    if (lines.length === 0) return null;
    return {
      name: 'cart_abandoned' as const,
      properties: { cart_id: open.id, value: event.refs.value, currency_code: event.refs.currency_code, link: cartLink(deps.storefront, open.id), lines },
    };
  }
  if (event.type === 'customer.product_viewed' && event.refs.product_id) {
    const product = await db.selectFrom('product').select(['id', 'handle', 'title']).where('id', '=', event.refs.product_id).executeTakeFirst();
    if (!product) return null;
    return { name: 'product_viewed' as const, properties: { product_id: product.id, handle: product.handle, title: product.title } };
  }
  return null;
}
