import type { BenchDatabase } from './databases.ts';
import { Client } from './checkout.ts';
import { BENCH_ADMIN, report, startShop } from './harness.ts';

/**
 * What lots cost the stock changes that take units off a level (adjustments here; fulfillments and
 * transfers take the same path, lots.ts): `BENCH_LOT_OPS` decrements of one unit, one after another,
 * of a variant whose stock is all unlotted and of one whose stock is spread over `BENCH_LOTS` lots
 * with expiry dates (first-expiry-first-out picks among them). Ratio: lotted time per change over
 * unlotted, measured in the same run.
 */
export async function benchLots(database: BenchDatabase): Promise<void> {
  const ops = Number(process.env.BENCH_LOT_OPS ?? 300);
  const lots = Number(process.env.BENCH_LOTS ?? 20);
  const shop = await startShop(database.env);
  try {
    const login = await new Client(shop.url).call('POST', '/admin/auth/login', BENCH_ADMIN);
    const admin = new Client(shop.url, login.body.token);
    const call = async (method: string, path: string, body: unknown, expected: number) => {
      const res = await admin.call(method, path, body);
      if (res.status !== expected) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const location = (await call('GET', '/admin/inventory/locations', undefined, 200)).data[0].id as string;
    const newVariant = async (sku: string) => (await call('POST', '/admin/products', { title: sku, variants: [{ sku }] }, 201)).variants[0].id as string;
    const plain = await newVariant(`BENCH-PLAIN-${Date.now()}`);
    const lotted = await newVariant(`BENCH-LOTS-${Date.now()}`);
    await call('POST', '/admin/inventory/adjustments', { variant_id: plain, location_id: location, delta: ops * 2, reason: 'received' }, 201);
    const supplier = await call('POST', '/admin/suppliers', { name: 'Bench Supplier' }, 201);
    const po = await call('POST', '/admin/purchase-orders', {
      supplier_id: supplier.id, location_id: location, currency_code: 'USD', lines: [{ variant_id: lotted, quantity: ops * 2, unit_cost: 100 }],
    }, 201);
    await call('POST', `/admin/purchase-orders/${po.id}/order`, {}, 200);
    const per = Math.ceil((ops * 2) / lots);
    const lines = Array.from({ length: lots }, (_, i) => ({
      line_id: po.lines[0].id, quantity: Math.min(per, ops * 2 - per * i), lot_number: `B${i}`, expires_at: new Date(Date.UTC(2030, 0, 1 + ((i * 7) % lots))).toISOString(),
    })).filter((l) => l.quantity > 0);
    await call('POST', `/admin/purchase-orders/${po.id}/receive`, { lines }, 201);

    const decrements = async (variant: string) => {
      const start = performance.now();
      for (let i = 0; i < ops; i++) await call('POST', '/admin/inventory/adjustments', { variant_id: variant, location_id: location, delta: -1, reason: 'damaged' }, 201);
      return (performance.now() - start) / ops;
    };
    await decrements(plain); // warm-up: the first half of each stock
    await decrements(lotted);
    const unlottedMs = await decrements(plain);
    const lottedMs = await decrements(lotted);
    report({ bench: 'lots', case: 'decrement_unlotted', db: database.kind, ops, ms_per_change: Number(unlottedMs.toFixed(2)), ratio_to_unlotted: 1 });
    report({ bench: 'lots', case: 'decrement_fefo', db: database.kind, ops, lots: lines.length, ms_per_change: Number(lottedMs.toFixed(2)), ratio_to_unlotted: Number((lottedMs / unlottedMs).toFixed(3)) });
  } finally {
    await shop.stop();
  }
}
