import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { placeOrder, snapshotOrderTables } from '../../../test/helpers/orders.ts';
import { createStockedProduct, level, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { inTransaction } from '../../db/transaction.ts';
import { PaymentError, type PaymentProvider } from '../payments/provider.ts';
import { manualProvider } from '../payments/providers/manual.ts';
import { testCardProvider } from '../payments/providers/test-card.ts';
import { planOperation } from './payment-operations.ts';
import { resumePaymentOperations } from './payment-recovery.ts';

/**
 * Cancel (stock released, authorization voided, captured money refunded; illegal once fulfilled) and
 * what happens when the gateway refuses a capture or a refund, or a process dies in the middle of one.
 */
const failing = { capture: false, refund: false };
/** Set: the next capture reaches the gateway and waits there until the test lets it answer. */
let holdCapture: { reached: () => void; answer: Promise<void> } | null = null;
const flakyCard: PaymentProvider = {
  ...testCardProvider,
  async capture(input) {
    if (failing.capture) throw new PaymentError('provider_error', 'The gateway answered 502 Bad Gateway.');
    const hold = holdCapture;
    holdCapture = null;
    if (hold) {
      hold.reached();
      await hold.answer;
    }
    return testCardProvider.capture(input);
  },
  async refund(input) {
    if (failing.refund) throw new PaymentError('provider_error', 'The gateway answered 502 Bad Gateway.');
    return testCardProvider.refund(input);
  },
};

let shop: TestShop;
let selling: Selling;
let variant: any;

beforeAll(async () => {
  shop = await startTestShop({ paymentCapture: 'manual' }, { paymentProviders: new Map([[manualProvider.id, manualProvider], [flakyCard.id, flakyCard]]) });
  selling = await setUpSelling(shop);
  variant = (await createStockedProduct(shop, { usd: 1000, stock: 100, locationId: selling.warehouse.id })).variant;
});
afterAll(async () => shop?.close());

async function freshOrder(quantity = 2) {
  return placeOrder(shop, [{ variant_id: variant.id, quantity }]);
}
// 2 × 1000 + 10 % tax + 500 shipping (+ 50 tax) = 2750.

describe('cancel', () => {
  test('canceled while a capture is at the gateway: the capture, once recorded, is refunded (as capture then cancel)', async () => {
    const order = await freshOrder();
    let answer!: () => void;
    const reached = new Promise<void>((resolve) => {
      holdCapture = { reached: resolve, answer: new Promise<void>((r) => (answer = r)) };
    });
    const capturing = shop.request('POST', `/admin/orders/${order.id}/capture`, { body: { amount: 2000 } });
    await reached;
    // The capture holds its 2000; the cancel voids the other 750 and has nothing captured to refund yet.
    const canceled = await shop.ok('POST', `/admin/orders/${order.id}/cancel`, {});
    expect(canceled).toMatchObject({ status: 'canceled', summary: { captured_total: 0, capturable_total: 0 } });
    answer();
    const captured = await capturing;
    expect(captured.status, captured.text).toBe(200);
    const after = await shop.ok('GET', `/admin/orders/${order.id}`);
    expect(after).toMatchObject({
      status: 'canceled', payment_status: 'refunded',
      summary: { authorized_total: 2750, captured_total: 2000, refunded_total: 2000, capturable_total: 0, paid_total: 0, balance: 0 },
    });
    expect(after.refunds).toEqual([expect.objectContaining({ amount: 2000, reason: 'order_canceled', status: 'succeeded' })]);
    expect(after.payments).toEqual([expect.objectContaining({ status: 'refunded', authorized_amount: 2750, captured_amount: 2000, refunded_amount: 2000 })]);
  });

  test('an authorized order: stock released, authorization voided; then nothing can be captured or fulfilled', async () => {
    const before = await level(shop, variant.id, selling.warehouse.id);
    const order = await freshOrder();
    expect((await level(shop, variant.id, selling.warehouse.id))!.committed).toBe(before!.committed + 2);
    const canceled = await shop.ok('POST', `/admin/orders/${order.id}/cancel`, { reason: 'customer changed their mind' });
    expect(canceled).toMatchObject({
      status: 'canceled', payment_status: 'voided', fulfillment_status: 'canceled',
      summary: { authorized_total: 2750, capturable_total: 0, captured_total: 0, net_total: 0, balance: 0 },
    });
    expect(canceled.payments).toEqual([expect.objectContaining({ status: 'canceled', captured_amount: 0 })]);
    expect(await level(shop, variant.id, selling.warehouse.id)).toEqual(before);
    expect(canceled.timeline.map((e: any) => e.type).slice(-3)).toEqual(['order.canceled', 'payment.voided', 'order.payment_voided']);
    expect(canceled.timeline.find((e: any) => e.type === 'order.canceled').data).toMatchObject({ reason: 'customer changed their mind' });

    const error = await shop.refused('POST', `/admin/orders/${order.id}/capture`, {}, 409, 'payment_not_capturable');
    expect(error.details).toMatchObject({ payment_status: 'voided' });
    await shop.refused('POST', `/admin/orders/${order.id}/cancel`, {}, 409, 'order_canceled');
    await shop.refused('POST', `/admin/orders/${order.id}/fulfillments`, { location_id: selling.warehouse.id, lines: [{ line_item_id: order.items[0].id, quantity: 1 }] }, 409, 'order_canceled');
    await shop.refused('POST', `/admin/orders/${order.id}/edits`, { items: [{ line_item_id: order.items[0].id, quantity: 1 }] }, 409, 'order_not_editable');
  });

  test('a partly captured order: the rest voided, what was captured refunded', async () => {
    const order = await freshOrder();
    await shop.ok('POST', `/admin/orders/${order.id}/capture`, { amount: 1000 });
    const canceled = await shop.ok('POST', `/admin/orders/${order.id}/cancel`, {});
    expect(canceled).toMatchObject({
      status: 'canceled', payment_status: 'refunded',
      summary: { authorized_total: 2750, capturable_total: 0, captured_total: 1000, refunded_total: 1000, paid_total: 0, balance: 0 },
    });
    expect(canceled.refunds).toEqual([expect.objectContaining({ amount: 1000, reason: 'order_canceled', status: 'succeeded', credit_amount: 0 })]);
    expect(canceled.payments[0]).toMatchObject({ status: 'refunded', captured_amount: 1000, refunded_amount: 1000 });
  });

  test('an order with an unshipped fulfillment: refused until the fulfillment is cancelled', async () => {
    const before = await level(shop, variant.id, selling.warehouse.id);
    const order = await freshOrder();
    const f = await shop.ok('POST', `/admin/orders/${order.id}/fulfillments`, { location_id: selling.warehouse.id, lines: [{ line_item_id: order.items[0].id, quantity: 1 }] }, 201);
    expect(await level(shop, variant.id, selling.warehouse.id)).toEqual({ ...before, on_hand: before!.on_hand - 1, committed: before!.committed + 1, available: before!.available - 2 });
    await shop.refused('POST', `/admin/orders/${order.id}/cancel`, {}, 409, 'order_not_cancelable');
    const undone = await shop.ok('POST', `/admin/orders/${order.id}/fulfillments/${f.id}/cancel`);
    expect(undone.status).toBe('canceled');
    expect(await level(shop, variant.id, selling.warehouse.id)).toEqual({ ...before, committed: before!.committed + 2, available: before!.available - 2 });
    expect((await shop.ok('GET', `/admin/orders/${order.id}`)).fulfillment_status).toBe('unfulfilled');
    await shop.ok('POST', `/admin/orders/${order.id}/cancel`, {});
    expect(await level(shop, variant.id, selling.warehouse.id)).toEqual(before);
  });
});

describe('the gateway refuses', () => {
  test('a capture: 502, nothing captured, the failure logged; a retry then captures', async () => {
    const order = await freshOrder();
    failing.capture = true;
    try {
      const res = await shop.post(`/admin/orders/${order.id}/capture`, {});
      expect(res.status).toBe(502);
      expect(res.body.error).toMatchObject({ code: 'payment_provider_error', details: { captured: 0, decline_code: 'provider_error' } });
    } finally {
      failing.capture = false;
    }
    let detail = await shop.ok('GET', `/admin/orders/${order.id}`);
    expect(detail).toMatchObject({ payment_status: 'authorized', summary: { captured_total: 0, capturable_total: 2750 } });
    expect(detail.payment_operations).toEqual([expect.objectContaining({ kind: 'capture', amount: 2750, status: 'failed', error_code: 'provider_error' })]);
    expect(detail.timeline.map((e: any) => e.type)).toContain('payment.failed');
    detail = await shop.ok('POST', `/admin/orders/${order.id}/capture`, {});
    expect(detail).toMatchObject({ payment_status: 'captured', summary: { captured_total: 2750 } });
  });

  test('a refund: 502, nothing refunded, the refund recorded as failed and its units back', async () => {
    const order = await freshOrder();
    await shop.ok('POST', `/admin/orders/${order.id}/capture`, {});
    await shop.ok('POST', `/admin/orders/${order.id}/fulfillments`, { location_id: selling.warehouse.id, lines: [{ line_item_id: order.items[0].id, quantity: 2 }], shipment: { carrier: 'UPS' } }, 201);
    failing.refund = true;
    try {
      const res = await shop.post(`/admin/orders/${order.id}/refunds`, { lines: [{ line_item_id: order.items[0].id, quantity: 1 }], reason: 'damaged' });
      expect(res.status).toBe(502);
    } finally {
      failing.refund = false;
    }
    const detail = await shop.ok('GET', `/admin/orders/${order.id}`);
    expect(detail.refunds).toEqual([expect.objectContaining({ amount: 1100, status: 'failed', credit_amount: 0 })]);
    expect(detail.items[0].refunded_quantity).toBe(0);
    expect(detail).toMatchObject({ payment_status: 'captured', summary: { refunded_total: 0, balance: 0 } });
    const refund = await shop.ok('POST', `/admin/orders/${order.id}/refunds`, { lines: [{ line_item_id: order.items[0].id, quantity: 1 }], reason: 'damaged' }, 201);
    expect(refund).toMatchObject({ amount: 1100, credit_amount: 1100, status: 'succeeded', lines: [{ line_item_id: order.items[0].id, quantity: 1, amount: 1100 }] });
  });

  test('the refund of a cancel: the cancel stands, the balance shows what the shop owes, a refund settles it', async () => {
    const order = await freshOrder();
    await shop.ok('POST', `/admin/orders/${order.id}/capture`, {});
    failing.refund = true;
    let canceled;
    try {
      canceled = await shop.ok('POST', `/admin/orders/${order.id}/cancel`, {});
    } finally {
      failing.refund = false;
    }
    expect(canceled).toMatchObject({ status: 'canceled', payment_status: 'captured', summary: { paid_total: 2750, net_total: 0, balance: -2750 } });
    expect(canceled.refunds).toEqual([expect.objectContaining({ status: 'failed', reason: 'order_canceled' })]);
    await shop.ok('POST', `/admin/orders/${order.id}/refunds`, { amount: 2750, reason: 'other', note: 'cancel refund, again' }, 201);
    expect(await shop.ok('GET', `/admin/orders/${order.id}`)).toMatchObject({ payment_status: 'refunded', summary: { refunded_total: 2750, balance: 0, credit_total: 0 } });
  });
});

test('a capture interrupted by a crash (planned, never settled) is sent again with the same reference and recorded once', async () => {
  const order = await freshOrder();
  const payment = await shop.db.selectFrom('payment').select(['id', 'provider_id', 'provider_reference', 'data']).where('order_id', '=', order.id).executeTakeFirstOrThrow();
  // What step 1 of a capture leaves behind when the process dies right after it.
  await inTransaction(shop.db, async (tx) => {
    await planOperation(tx, { orderId: order.id, payment, kind: 'capture', amount: 2000, createdBy: 'usr_test' });
  });
  // Meanwhile the money is taken: another capture can only have the rest.
  await shop.refused('POST', `/admin/orders/${order.id}/capture`, { amount: 751 }, 400, 'amount_exceeds_capturable');
  const deps = { db: shop.db, providers: new Map([[flakyCard.id, flakyCard]]) };
  expect(await resumePaymentOperations(deps, { olderThan: new Date(Date.now() - 60_000) })).toBe(0);
  expect(await resumePaymentOperations(deps, { olderThan: new Date(Date.now() + 1000) })).toBe(1);
  const before = await snapshotOrderTables(shop.db);
  expect(await resumePaymentOperations(deps, { olderThan: new Date(Date.now() + 1000) })).toBe(0);
  expect(await snapshotOrderTables(shop.db)).toEqual(before);
  const detail = await shop.ok('GET', `/admin/orders/${order.id}`);
  expect(detail).toMatchObject({ payment_status: 'partially_captured', summary: { captured_total: 2000, capturable_total: 750 } });
  expect(detail.timeline.filter((e: any) => e.type === 'order.captured')).toEqual([expect.objectContaining({ actor: { type: 'system', id: null }, data: expect.objectContaining({ amount: 2000, resumed: true }) })]);
});
