import { decrypt, decryptNullable } from '../../crypto/data-encryption.ts';
import type { Db } from '../../db/database.ts';
import type { DispatchedEvent } from '../events/dispatched-event.ts';
import type { EventSubscriber } from '../events/event-subscriber.ts';
import { currentConsent, withdrawAllConsent } from './consent.ts';
import type { MarketingProvider } from './provider.ts';
import { segmentsOf } from './segments.ts';

/**
 * Keeps the marketing tool in step, from the outbox (docs/marketing.md). One process per cluster runs
 * it; a batch whose provider call throws (the tool is down) is handed again with backoff, so an outage
 * delays events and loses none. Consent is read when each event is handled, so nothing is sent for a
 * customer who has not (or no longer) consented to email:
 *
 * | event                                  | email consent | call                                       |
 * |----------------------------------------|---------------|--------------------------------------------|
 * | customer.marketing_consent_changed     | granted       | upsertContact (both channels' consent; groups and segments as tags) |
 * | customer.marketing_consent_changed     | withdrawn     | removeContact                              |
 * | order.placed (by a customer)           | granted       | upsertContact, trackEvent order_placed     |
 * | order.placed                           | none / guest  | nothing                                    |
 * | customer.anonymized                    | any           | consent withdrawn here, removeContact      |
 */
export function marketingSync(deps: { db: Db; provider: MarketingProvider }): EventSubscriber {
  const { db, provider } = deps;
  return {
    name: `marketing_sync:${provider.id}`,
    events: ['customer.marketing_consent_changed', 'order.placed', 'customer.anonymized'],
    async handle(events: DispatchedEvent[]) {
      for (const event of events) await handleOne(db, provider, event);
    },
  };
}

async function contactOf(db: Db, customerId: string) {
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

async function handleOne(db: Db, provider: MarketingProvider, event: DispatchedEvent): Promise<void> {
  if (event.type === 'customer.anonymized') {
    await withdrawAllConsent(db, event.resource_id, 'anonymized');
    await provider.removeContact({ customer_id: event.resource_id, email: null });
    return;
  }
  const customerId = event.type === 'order.placed' ? (event.payload.customer_id as string | null | undefined) : event.resource_id;
  if (!customerId) return;
  const contact = await contactOf(db, customerId);
  if (!contact) return;
  if (!contact.consent.email) {
    if (event.type === 'customer.marketing_consent_changed') await provider.removeContact({ customer_id: customerId, email: contact.email });
    return;
  }
  await provider.upsertContact(contact);
  if (event.type !== 'order.placed') return;
  const orderId = event.payload.order_id as string;
  const order = await db.selectFrom('orders').select(['id', 'number', 'total', 'currency_code']).where('id', '=', orderId).executeTakeFirst();
  if (!order) return;
  const lines = await db.selectFrom('order_line_item').select(['product_id', 'variant_id', 'sku', 'title', 'quantity', 'unit_price'])
    .where('order_id', '=', orderId).orderBy('id').execute();
  await provider.trackEvent({
    event_id: event.id, name: 'order_placed', customer_id: customerId, email: contact.email, occurred_at: new Date(event.created_at).toISOString(),
    properties: { order_id: order.id, number: order.number, value: Number(order.total), currency_code: order.currency_code, lines },
  });
}
