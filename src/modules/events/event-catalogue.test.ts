import fs from 'node:fs';
import path from 'node:path';
import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CARDS, complete, createStockedProduct, pay, readyCart, setUpSelling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { renderEventsDoc } from './catalogue-doc.ts';
import { EVENT_CATALOGUE, eventDefinition, eventMatches } from './catalogue.ts';
import { deliveredPayload } from './outbox.ts';

/**
 * The event catalogue is the contract subscribers and webhook receivers program against: docs/events.md
 * must be what it renders, every type the code records must be in it, and the events real flows
 * record must match their payload schemas.
 */
const src = path.resolve(import.meta.dirname, '../..');
if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', (value) => !Number.isNaN(Date.parse(value)));

test('docs/events.md is generated from the catalogue (run `npm run docs:events`)', () => {
  const doc = fs.readFileSync(path.resolve(src, '../docs/events.md'), 'utf8');
  expect(doc).toBe(renderEventsDoc());
});

test('every event type the code records is in the catalogue', () => {
  const files = fs.readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => path.join(src, f));
  const recorded = new Map<string, string>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    if (!/record(Events?|OrderActivity)\(/.test(text)) continue;
    for (const [, type] of text.matchAll(/\btype:\s*['"]([a-z_]+\.[a-z_]+)['"]/g)) recorded.set(type, path.relative(src, file));
    // Types built at run time (`product.${status}`): their prefix must be catalogued.
    for (const [, prefix] of text.matchAll(/\btype:\s*`([a-z_]+)\.\$\{/g)) recorded.set(`${prefix}.*`, path.relative(src, file));
  }
  expect(recorded.size).toBeGreaterThan(30);
  const missing = [...recorded].filter(([type]) => (type.endsWith('.*') ? !EVENT_CATALOGUE.some((e) => e.type.startsWith(type.slice(0, -1))) : !eventDefinition(type)));
  expect(missing.map(([type, file]) => `${type} (${file})`), 'add these to src/modules/events/catalogue.ts').toEqual([]);
});

test('event names are resource.past_tense, unique, and filters match them', () => {
  const types = EVENT_CATALOGUE.map((e) => e.type);
  expect(new Set(types).size).toBe(types.length);
  for (const type of types) expect(type).toMatch(/^[a-z_]+\.[a-z_]+$/);
  expect(eventMatches(['*'], 'order.placed')).toBe(true);
  expect(eventMatches(['order.*'], 'order.placed')).toBe(true);
  expect(eventMatches(['order.*'], 'orders.placed')).toBe(false);
  expect(eventMatches(['order.placed'], 'order.claimed')).toBe(false);
});

describe('flows', () => {
  let shop: TestShop;
  beforeAll(async () => {
    shop = await startTestShop();
  });
  afterAll(async () => shop?.close());

  test('the events real flows record match their catalogue entries', async () => {
    const selling = await setUpSelling(shop);
    const { product, variant } = await createStockedProduct(shop, { usd: 1200, stock: 5, locationId: selling.warehouse.id });
    await shop.ok('POST', `/admin/products/${product.id}`, { title: 'Renamed', status: 'archived' });
    const floor = await shop.ok('POST', '/admin/inventory/locations', { name: 'Shop floor', code: 'floor' }, 201);
    await shop.ok('POST', '/admin/inventory/transfers', { variant_id: variant.id, from_location_id: selling.warehouse.id, to_location_id: floor.id, quantity: 1 }, 201);
    await shop.ok('POST', '/admin/inventory/transfers', { variant_id: variant.id, from_location_id: floor.id, to_location_id: selling.warehouse.id, quantity: 1 }, 201);
    await shop.ok('POST', `/admin/products/${product.id}`, { status: 'published' });
    const collection = await shop.ok('POST', '/admin/collections', { title: 'Events', handle: `events-${Date.now()}` }, 201);
    await shop.ok('DELETE', `/admin/collections/${collection.id}`);
    await shop.ok('POST', '/admin/webhooks', { url: 'https://93.184.216.34/x', events: ['*'] }, 201);
    const paid = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 1 }] });
    expect((await pay(shop, paid.id)).status).toBe(200);
    expect((await complete(shop, paid.id)).status).toBe(201);
    const declined = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 1 }] });
    expect((await pay(shop, declined.id, CARDS.declined)).status).toBe(200);
    expect((await complete(shop, declined.id)).status).toBe(402);

    const events = await shop.db.selectFrom('event_outbox').select(['type', 'resource_type', 'payload', 'sealed', 'version']).orderBy('seq').execute();
    const types = new Set(events.map((e) => e.type));
    for (const expected of ['product.created', 'product.updated', 'product.archived', 'product.published', 'inventory.adjusted', 'inventory.transferred', 'stock_location.created', 'inventory.reserved', 'inventory.committed', 'inventory.released', 'order.placed', 'cart.completed', 'payment.authorized', 'payment.captured', 'payment.failed', 'collection.deleted', 'webhook_endpoint.created', 'region.created']) {
      expect(types, expected).toContain(expected);
    }
    for (const event of events) {
      const definition = eventDefinition(event.type);
      expect(definition, `${event.type} is catalogued`).toBeDefined();
      expect(event.resource_type, event.type).toBe(definition!.resource_type);
      expect(event.version, event.type).toBe(definition!.version);
      // What a receiver gets: the payload with its sealed (encrypted) fields merged back in.
      const errors = [...Value.Errors(definition!.payload, deliveredPayload(event))].map((e) => `${e.path} ${e.message}`);
      expect(errors, `${event.type} ${JSON.stringify(event.payload)}`).toEqual([]);
    }
  });
});
