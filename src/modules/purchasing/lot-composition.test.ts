import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { placeOrder } from '../../../test/helpers/orders.ts';
import { createStockedProduct, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { errorCodesVaryByRun } from '../../../test/helpers/error-record.ts';

// Random operations: which refusals a run meets differs from run to run.
errorCodesVaryByRun();

/**
 * Property: whatever sequence of receipts, shipments (fulfillments), cancelled fulfillments, returns,
 * adjustments (units added unlotted, as a new lot or into an existing one) and transfers runs through the Admin API, each level's lots hold exactly what a model of
 * first-expiry-first-out says, and lots plus the unlotted rest add up to the level's on_hand (the rest
 * never negative). A refused operation (409) must change nothing, in the model as in the shop.
 */
let shop: TestShop;
let selling: Selling;
let depot: any;
let supplier: any;

beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
  depot = await shop.ok('POST', '/admin/inventory/locations', { name: 'Depot', code: 'depot' }, 201);
  supplier = await shop.ok('POST', '/admin/suppliers', { name: 'Model Farm' }, 201);
});
afterAll(async () => shop?.close());

const EXPIRIES = [null, '2027-01-01T00:00:00.000Z', '2027-02-01T00:00:00.000Z', '2027-03-01T00:00:00.000Z'];

type Op =
  | { kind: 'receive'; quantity: number; expiry: number }
  | { kind: 'adjust'; at: 0 | 1; delta: number; into: 'unlotted' | 'new' | 'existing'; expiry: number }
  | { kind: 'transfer'; from: 0 | 1; quantity: number }
  | { kind: 'order'; quantity: number }
  | { kind: 'fulfill'; at: 0 | 1 }
  | { kind: 'unfulfill' }
  | { kind: 'return'; quantity: number; at: 0 | 1 };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('receive' as const), quantity: fc.integer({ min: 1, max: 6 }), expiry: fc.integer({ min: 0, max: 3 }) }),
  fc.record({
    kind: fc.constant('adjust' as const), at: fc.constantFrom(0 as const, 1 as const), delta: fc.integer({ min: -5, max: 4 }).filter((d) => d !== 0),
    // Where units added go: unlotted, a new lot, or back into the newest lot (a new one while there is none).
    into: fc.constantFrom('unlotted' as const, 'new' as const, 'existing' as const), expiry: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({ kind: fc.constant('transfer' as const), from: fc.constantFrom(0 as const, 1 as const), quantity: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('order' as const), quantity: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('fulfill' as const), at: fc.constantFrom(0 as const, 1 as const) }),
  fc.record({ kind: fc.constant('unfulfill' as const) }),
  fc.record({ kind: fc.constant('return' as const), quantity: fc.integer({ min: 1, max: 3 }), at: fc.constantFrom(0 as const, 1 as const) }),
);

/** The model: per location, the lots' units and the unlotted rest; lots in receipt order with their expiry. */
interface Model {
  lots: { id: string; expiry: string | null; seq: number }[];
  stock: Map<string, Map<string | null, number>>; // location → lot id (null: unlotted) → units
}

function units(model: Model, location: string, lot: string | null): number {
  return model.stock.get(location)?.get(lot) ?? 0;
}

function put(model: Model, location: string, lot: string | null, quantity: number): void {
  if (!model.stock.has(location)) model.stock.set(location, new Map());
  model.stock.get(location)!.set(lot, units(model, location, lot) + quantity);
}

/** First-expiry-first-out: expiring lots soonest first, then the unlotted rest, then lots without expiry; ties by receipt. */
function take(model: Model, location: string, quantity: number): { lot: string | null; quantity: number }[] {
  const bySeq = [...model.lots].sort((a, b) => a.seq - b.seq);
  const expiring = bySeq.filter((l) => l.expiry).sort((a, b) => a.expiry!.localeCompare(b.expiry!) || a.seq - b.seq);
  const order = [...expiring.map((l) => l.id), null, ...bySeq.filter((l) => !l.expiry).map((l) => l.id)];
  const pieces: { lot: string | null; quantity: number }[] = [];
  let rest = quantity;
  for (const lot of order) {
    const got = Math.min(rest, units(model, location, lot));
    if (got === 0) continue;
    put(model, location, lot, -got);
    pieces.push({ lot, quantity: got });
    rest -= got;
  }
  expect(rest, 'the model ran out of units the shop had').toBe(0);
  return pieces;
}

async function check(model: Model, variantId: string, locations: string[]) {
  const lots = (await shop.ok('GET', `/admin/lots?variant_id=${variantId}&limit=100`)).data;
  const item = await shop.ok('GET', `/admin/inventory/items/${variantId}`);
  for (const location of locations) {
    const onHand = item.levels.find((l: any) => l.location_id === location)?.on_hand ?? 0;
    const actual: Record<string, number> = {};
    for (const lot of lots) actual[lot.id] = lot.stock.find((s: any) => s.location_id === location)?.quantity ?? 0;
    const expected: Record<string, number> = {};
    for (const lot of model.lots) expected[lot.id] = units(model, location, lot.id);
    expect(actual).toEqual(expected);
    const lotted = Object.values(actual).reduce((a, b) => a + b, 0);
    expect(onHand - lotted, 'the unlotted rest').toBe(units(model, location, null));
    expect(onHand - lotted).toBeGreaterThanOrEqual(0);
  }
}

/** A sequence that does each kind of operation for real, always run first (fast-check's `examples`). */
const EVERY_KIND: [number, Op[]] = [3, [
  { kind: 'receive', quantity: 4, expiry: 2 }, { kind: 'receive', quantity: 3, expiry: 1 }, { kind: 'receive', quantity: 2, expiry: 0 },
  { kind: 'order', quantity: 4 }, { kind: 'fulfill', at: 0 }, { kind: 'order', quantity: 2 }, { kind: 'fulfill', at: 0 }, { kind: 'unfulfill' },
  { kind: 'return', quantity: 2, at: 1 }, { kind: 'transfer', from: 0, quantity: 5 }, { kind: 'adjust', at: 1, delta: -3, into: 'unlotted', expiry: 0 },
  { kind: 'adjust', at: 0, delta: 2, into: 'unlotted', expiry: 0 }, { kind: 'adjust', at: 1, delta: 3, into: 'new', expiry: 1 },
  { kind: 'adjust', at: 0, delta: 1, into: 'existing', expiry: 0 }, { kind: 'order', quantity: 3 }, { kind: 'fulfill', at: 1 },
]];

/** What the runs did for real (not refused), so a run that only ever got refusals cannot pass unnoticed. */
const done = new Map<string, number>();
const tally = (kind: string) => done.set(kind, (done.get(kind) ?? 0) + 1);

test('lots always add up to on_hand, each exactly as first-expiry-first-out says', async () => {
  await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: 4 }), fc.array(op, { minLength: 4, maxLength: 12 }), async (initial, ops) => {
    const locations = [selling.warehouse.id, depot.id];
    const { variant } = await createStockedProduct(shop, { usd: 1000, stock: initial || undefined, locationId: initial ? locations[0] : undefined });
    const po = await shop.ok('POST', '/admin/purchase-orders', {
      supplier_id: supplier.id, location_id: locations[0], currency_code: 'USD', lines: [{ variant_id: variant.id, quantity: 1000, unit_cost: 400 }],
    }, 201);
    await shop.ok('POST', `/admin/purchase-orders/${po.id}/order`, {});
    const model: Model = { lots: [], stock: new Map() };
    put(model, locations[0], null, initial);
    // Orders placed, with their line; fulfillments not shipped, with the pieces they took.
    const orders: { id: string; line: string; quantity: number; fulfilled: number }[] = [];
    const open: { order: string; id: string; pieces: { lot: string | null; quantity: number; location: string }[] }[] = [];
    const delivered: { order: string; line: string; pieces: { lot: string | null; quantity: number; returned: number }[] }[] = [];

    for (const step of ops) {
      if (step.kind === 'receive') {
        const res = await shop.post(`/admin/purchase-orders/${po.id}/receive`, {
          lines: [{ line_id: po.lines[0].id, quantity: step.quantity, lot_number: `L${model.lots.length}`, expires_at: EXPIRIES[step.expiry] }],
        });
        expect(res.status, res.text).toBe(201);
        model.lots.push({ id: res.body.lot_ids[0], expiry: EXPIRIES[step.expiry], seq: model.lots.length });
        tally('receive');
        put(model, locations[0], res.body.lot_ids[0], step.quantity);
      } else if (step.kind === 'adjust') {
        const adding = step.delta > 0;
        const into = adding && step.into === 'existing' && model.lots.length === 0 ? 'new' : adding ? step.into : 'unlotted';
        const newest = model.lots.at(-1);
        const lot = into === 'new' ? { lot_number: `A${model.lots.length}`, expires_at: EXPIRIES[step.expiry] } : into === 'existing' ? { lot_id: newest!.id } : undefined;
        const res = await shop.post('/admin/inventory/adjustments', {
          variant_id: variant.id, location_id: locations[step.at], delta: step.delta, reason: adding ? 'count_correction' : 'damaged', ...(lot ? { lot } : {}),
        });
        expect([201, 409], res.text).toContain(res.status);
        if (res.status === 201) {
          tally(adding ? `adjust_in_${into}` : 'adjust_out');
          if (into === 'new') {
            const created = (await shop.ok('GET', `/admin/lots?variant_id=${variant.id}&limit=1`)).data[0];
            expect([created.lot_number, created.quantity_received, created.location_id]).toEqual([lot!.lot_number, step.delta, locations[step.at]]);
            model.lots.push({ id: created.id, expiry: EXPIRIES[step.expiry], seq: model.lots.length });
            put(model, locations[step.at], created.id, step.delta);
          } else if (adding) put(model, locations[step.at], into === 'existing' ? newest!.id : null, step.delta);
          else take(model, locations[step.at], -step.delta);
        }
      } else if (step.kind === 'transfer') {
        const res = await shop.post('/admin/inventory/transfers', {
          variant_id: variant.id, from_location_id: locations[step.from], to_location_id: locations[1 - step.from], quantity: step.quantity,
        });
        expect([201, 409], res.text).toContain(res.status);
        if (res.status === 201) {
          tally('transfer');
          for (const piece of take(model, locations[step.from], step.quantity)) put(model, locations[1 - step.from], piece.lot, piece.quantity);
        }
      } else if (step.kind === 'order') {
        const cart = await shop.post('/store/carts', { currency_code: 'USD' });
        const added = await shop.post(`/store/carts/${cart.body.id}/line-items`, { variant_id: variant.id, quantity: step.quantity });
        if (added.status !== 200) continue; // not enough available: nothing was taken
        const placed = await placeOrder(shop, [{ variant_id: variant.id, quantity: step.quantity }]);
        orders.push({ id: placed.id, line: placed.items[0].id, quantity: step.quantity, fulfilled: 0 });
        tally('order');
      } else if (step.kind === 'fulfill') {
        const order = orders.find((o) => o.fulfilled < o.quantity);
        if (!order) continue;
        const quantity = order.quantity - order.fulfilled;
        const res = await shop.post(`/admin/orders/${order.id}/fulfillments`, { location_id: locations[step.at], lines: [{ line_item_id: order.line, quantity }] });
        expect([201, 409], res.text).toContain(res.status);
        if (res.status === 201) {
          order.fulfilled += quantity;
          tally('fulfill');
          open.push({ order: order.id, id: res.body.id, pieces: take(model, locations[step.at], quantity).map((p) => ({ ...p, location: locations[step.at] })) });
        }
      } else if (step.kind === 'unfulfill') {
        const last = open.pop();
        if (!last) continue;
        await shop.ok('POST', `/admin/orders/${last.order}/fulfillments/${last.id}/cancel`);
        for (const piece of last.pieces) put(model, piece.location, piece.lot, piece.quantity);
        tally('unfulfill');
        orders.find((o) => o.id === last.order)!.fulfilled -= last.pieces.reduce((n, p) => n + p.quantity, 0);
      } else {
        // Ship and deliver the oldest open fulfillment (it stays taken), then return units of its line.
        const first = open.shift();
        if (first) {
          await shop.ok('POST', `/admin/orders/${first.order}/fulfillments/${first.id}/shipments`, { carrier: 'UPS' });
          await shop.ok('POST', `/admin/orders/${first.order}/fulfillments/${first.id}/mark-delivered`);
          const line = orders.find((o) => o.id === first.order)!.line;
          let entry = delivered.find((d) => d.line === line);
          if (!entry) delivered.push(entry = { order: first.order, line, pieces: [] });
          entry.pieces.push(...first.pieces.map((p) => ({ lot: p.lot, quantity: p.quantity, returned: 0 })));
        }
        const target = delivered.find((d) => d.pieces.some((p) => p.returned < p.quantity));
        if (!target) continue;
        const returnable = target.pieces.reduce((n, p) => n + p.quantity - p.returned, 0);
        const quantity = Math.min(step.quantity, returnable);
        const ret = await shop.ok('POST', `/admin/orders/${target.order}/returns`, { lines: [{ line_item_id: target.line, quantity }] }, 201);
        await shop.ok('POST', `/admin/orders/${target.order}/returns/${ret.id}/receive`, {
          location_id: locations[step.at], lines: [{ line_item_id: target.line, quantity, condition: 'new' }],
        });
        tally('return');
        let rest = quantity;
        for (const piece of [...target.pieces].reverse()) {
          const back = Math.min(rest, piece.quantity - piece.returned);
          if (back === 0) continue;
          piece.returned += back;
          put(model, locations[step.at], piece.lot, back);
          rest -= back;
        }
      }
      await check(model, variant.id, locations);
    }
  }), { numRuns: Number(process.env.LOT_PROPERTY_RUNS ?? 12), endOnFailure: true, examples: [EVERY_KIND] });
  for (const kind of ['receive', 'adjust_in_unlotted', 'adjust_in_new', 'adjust_in_existing', 'adjust_out', 'transfer', 'order', 'fulfill', 'unfulfill', 'return']) {
    expect(done.get(kind), kind).toBeGreaterThan(0);
  }
}, 600_000);
