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

test('a guest card checkout completes in 14 statements, however many lines it has', async () => {
  // Idempotency key claimed; reserve: begin, cart lock and read (one statement), order with its lines,
  // holds taken with the items locked (one statement), every stock level (one statement), events with
  // the allocations, their movements, the payment marked and the NOTIFY (one statement), commit;
  // confirm: begin, the order locked with, if it is still pending, the cart completed and the payment
  // settled with its transactions (one statement), order numbered and read with its payments and
  // timeline (one statement), events, commit; the idempotent reply stored.
  for (const [lines, expected] of [[1, 14], [2, 14], [3, 14]]) {
    const cart = await paidCart(lines);
    const { result: { status }, statements: count } = await countStatements(shop, () => complete(shop, cart.id, `count-${lines}`));
    expect(status).toBe(201);
    expect({ lines, count }).toEqual({ lines, count: expected });
  }
});

test('a whole guest checkout as `npm run bench` makes it, two lines and no Idempotency-Key: 28 statements', async () => {
  const variants: { id: string }[] = [];
  for (let i = 0; i < 2; i++) variants.push((await createStockedProduct(shop, { usd: 1500 + i, stock: 5, locationId: selling.warehouse.id })).variant);
  const { result: order, statements } = await countStatements(shop, async () => {
    const cart = await readyCart(shop, { lines: variants.map((v, i) => ({ variant_id: v.id, quantity: i + 1 })) });
    expect((await pay(shop, cart.id)).status).toBe(200);
    return complete(shop, cart.id);
  });
  expect(order.status).toBe(201);
  // create 1; two lines 2 each; email and address 2; shipping options 1; shipping method 2; payment 6; complete 12
  expect(statements).toBe(28);
});
