import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { countStatements } from '../../../test/helpers/statements.ts';
import { complete, createStockedProduct, pay, readyCart, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';

// Counts, not timing: each statement is a round trip to the database, and complete's count is the
// largest of a checkout's (docs/performance.md). A change that adds one should mean to.
let shop: TestShop;
let selling: Selling;
beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
});
afterAll(async () => shop?.close());

async function paidCart(lines: number) {
  const variants = [];
  for (let i = 0; i < lines; i++) variants.push((await createStockedProduct(shop, { usd: 1000 + i, stock: 5, locationId: selling.warehouse.id })).variant);
  const cart = await readyCart(shop, { lines: variants.map((v) => ({ variant_id: v.id, quantity: 1 })) });
  expect((await pay(shop, cart.id)).status).toBe(200);
  return cart;
}

test('a guest card checkout completes in 21 statements, and one more per line', async () => {
  // Idempotency key claimed; reserve: begin, cart lock and read (one statement), order with its lines, holds taken,
  // items locked, one stock level per line, allocations with their movements, payment marked, events
  // with their NOTIFY, commit; confirm: begin, order locked, payment settled with its transactions, cart
  // completed, payments read, order numbered and read (one statement), timeline read, events, commit;
  // the idempotent reply stored.
  for (const [lines, expected] of [[1, 21], [2, 22], [3, 23]]) {
    const cart = await paidCart(lines);
    const { result: { status }, statements: count } = await countStatements(shop, () => complete(shop, cart.id, `count-${lines}`));
    expect(status).toBe(201);
    expect({ lines, count }).toEqual({ lines, count: expected });
  }
});
