import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, expect, test } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/connection.ts';
import type { Db } from '../src/db/database.ts';
import { databaseTarget } from '../src/db/target.ts';
import { eventMatches } from '../src/modules/events/catalogue.ts';
import { LEDGERED_EVENTS } from '../src/modules/ledger/ledger-appender.ts';
import { callJson, runCli, processDatabase, startServerProcess, type ServerProcess } from './helpers/processes.ts';
import { REMOTE_ADMIN, signIn, type Remote } from './helpers/remote-shop.ts';
import { ADDRESS_US, CARDS } from './helpers/selling.ts';
import { onServer } from './helpers/test-database.ts';
import { waitFor } from './helpers/webhook-receiver.ts';

/**
 * The appender as it runs: real `cartwright start` processes — three on one PostgreSQL, or one on an
 * embedded data directory — taking orders while the process appending is killed with SIGKILL. After a
 * restart the ledger catches up with one unbroken chain: every ledgered event once, no gaps, verified
 * by `cartwright ledger verify`.
 */
let database: Awaited<ReturnType<typeof processDatabase>> | undefined;
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null) await s.stop('SIGKILL');
  await database?.close();
});

/** A region, a location with stock, a shipping option and a product, through the Admin API. */
async function setUp(staff: Remote): Promise<string> {
  const region = await staff.ok('POST', '/admin/regions', { name: 'US', currency_code: 'USD', tax_inclusive: false, default_tax_rate: 10, countries: ['US'] }, 201);
  const location = await staff.ok('POST', '/admin/inventory/locations', { name: 'Main', code: 'main' }, 201);
  await staff.ok('POST', '/admin/shipping-options', { region_id: region.id, name: 'Standard', price_type: 'flat', amount: 500 }, 201);
  const product = await staff.ok('POST', '/admin/products', { title: 'Ledgered', handle: 'ledgered', status: 'published', variants: [{ sku: 'LEDGER-1', prices: [{ currency_code: 'USD', amount: 1500 }] }] }, 201);
  const variant = product.variants[0].id;
  await staff.ok('POST', '/admin/inventory/adjustments', { variant_id: variant, location_id: location.id, delta: 1000, reason: 'received' }, 201);
  return variant;
}

/** One buyer's checkout; a process killed under it just ends it. */
async function buy(url: string, variantId: string, n: number): Promise<boolean> {
  try {
    const cart = await callJson(url, 'POST', '/store/carts', { currency_code: 'USD' });
    await callJson(url, 'POST', `/store/carts/${cart.body.id}/line-items`, { variant_id: variantId, quantity: 1 + (n % 3) });
    await callJson(url, 'POST', `/store/carts/${cart.body.id}`, { email: `ledger${n}@example.com`, shipping_address: ADDRESS_US });
    const options = await callJson(url, 'GET', `/store/carts/${cart.body.id}/shipping-options`);
    await callJson(url, 'POST', `/store/carts/${cart.body.id}/shipping-method`, { option_id: options.body.data[0].id });
    await callJson(url, 'POST', `/store/carts/${cart.body.id}/payment`, { provider_id: 'test_card', data: { card_number: CARDS.ok } });
    return (await callJson(url, 'POST', `/store/carts/${cart.body.id}/complete`)).status === 201;
  } catch {
    return false;
  }
}

/** Every event of a ledgered type once in the ledger, in one gap-free sequence, and nothing else. */
async function expectWholeLedger(db: Db): Promise<number> {
  const events = await db.selectFrom('event_outbox').select(['id', 'type']).execute();
  const ledgered = events.filter((e) => eventMatches(LEDGERED_EVENTS, e.type)).map((e) => e.id).sort();
  const entries = await db.selectFrom('ledger_entry').select(['seq', 'event_id']).orderBy('seq').execute();
  expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
  expect(entries.map((e) => e.event_id).sort()).toEqual(ledgered);
  const orders = await sql<{ n: number }>`select count(*)::int as n from orders where placed_at is not null`.execute(db);
  const placed = await db.selectFrom('ledger_entry').select('event_id').where('type', '=', 'order.placed').execute();
  expect(placed).toHaveLength(orders.rows[0].n);
  return entries.length;
}

test('SIGKILL while appending: after a restart one unbroken chain holds every ledgered event once', async () => {
  const key = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  database = await processDatabase('ledger');
  const env: Record<string, string> = { ...database.env };
  Object.assign(env, {
    SEED_DEMO: 'false', ADMIN_EMAIL: REMOTE_ADMIN.email, ADMIN_PASSWORD: REMOTE_ADMIN.password, SWEEP_INTERVAL_MS: '0',
    DISPATCH_INTERVAL_MS: '50', LEDGER_SIGNING_KEY: key, LEDGER_KEY_ID: 'crash-test', LEDGER_BLOCK_SIZE: '7', LEDGER_BLOCK_SECONDS: '1',
  });
  const count = onServer ? 3 : 1;
  for (let i = 0; i < count; i += 1) servers.push(await startServerProcess(env));
  const staff = await signIn(servers[0].url);
  const variant = await setUp(staff);
  let n = 0;
  const round = (size: number) => Promise.all(Array.from({ length: size }, () => {
    n += 1;
    const live = servers.filter((s) => s.child.exitCode === null && s.child.signalCode === null);
    return buy(live[n % live.length].url, variant, n);
  }));

  expect((await round(12)).every(Boolean)).toBe(true);
  // Buyers keep coming while the appender is killed with work pending: the one process embedded; on
  // PostgreSQL the process seen holding the ledger's lease (the first, if the lease is never caught
  // between its short holds).
  // Rounds go on until the kill, so the appender still has work pending whenever the poll below sees
  // it (a fixed number of buyers could all be ledgered before the lease holder was caught).
  let killed = false;
  const during = (async () => { while (!killed) await round(6); })();
  const before = (await staff.ok('GET', '/admin/ledger')).head.seq;
  let holder: ServerProcess | undefined;
  await waitFor(async () => {
    const [{ data }, status] = await Promise.all([staff.ok('GET', '/admin/events/subscriptions'), staff.ok('GET', '/admin/ledger')]);
    const lease = data.find((s: any) => s.name === 'ledger')?.locked_by as string | null;
    holder = lease ? servers.find((s) => lease.split(':')[1] === String(s.child.pid)) : holder;
    return status.behind > 0 && status.head.seq > before && (holder || !onServer);
  }, 60_000, 'the ledger appending with work pending');
  holder ??= servers[0];
  expect(await holder.stop('SIGKILL')).toBe(null);
  killed = true;
  await during;
  servers.push(await startServerProcess(env));
  expect((await round(12)).every(Boolean)).toBe(true);

  const live = servers.filter((s) => s.child.exitCode === null && s.child.signalCode === null);
  const watcher = await signIn(live[live.length - 1].url);
  // The dead process's lease runs out (15 s), then another process takes over where it stopped. Caught
  // up means: every committed event sequenced and ledgered, every entry sealed, and still so a second
  // later (an event committed just before the check is not yet sequenced, so "behind" misses it).
  let last: unknown;
  const settled = { seq: -1, at: 0 };
  const status = await waitFor(async () => {
    const [s, events] = await Promise.all([watcher.ok('GET', '/admin/ledger'), watcher.ok('GET', '/admin/events/subscriptions')]);
    last = { ledger: s, unsequenced: events.unsequenced };
    if (!(s.behind === 0 && s.head.unsealed === 0 && s.head.seq > 0 && events.unsequenced === 0)) {
      settled.seq = -1;
      return null;
    }
    if (settled.seq !== s.head.seq) Object.assign(settled, { seq: s.head.seq, at: Date.now() });
    return Date.now() - settled.at >= 1000 ? s : null;
  }, 150_000, 'the ledger caught up and sealed').catch(async (error: Error) => {
    // What the ledger and the processes said, for a failure that only a loaded run shows.
    const subscriptions = await watcher.ok('GET', '/admin/events/subscriptions').catch(() => null);
    throw new Error(`${error.message}\nledger: ${JSON.stringify(last)}\nsubscriptions: ${JSON.stringify(subscriptions)}\n${live.map((s) => s.output().slice(-3000)).join('\n---\n')}`);
  });
  expect(status.head.block.key_id).toBe('crash-test');
  for (const s of live) await s.stop('SIGTERM');

  const verify = await runCli(['ledger', 'verify'], env);
  expect(verify.stderr).toBe('');
  expect(verify.stdout).toContain(`ledger intact: ${status.head.seq} entries, ${status.head.block.block_seq} blocks`);
  expect(verify.code).toBe(0);
  const reconcile = await runCli(['ledger', 'reconcile'], env);
  expect(reconcile.stdout).toContain('ledger and live tables agree');
  expect(reconcile.code).toBe(0);

  const handle = await openDatabase(databaseTarget({ ...loadConfig({}), ...database!.target }));
  try {
    expect(await expectWholeLedger(handle.db)).toBe(status.head.seq);
    // The CLI names a tampered entry and fails.
    await sql`update ledger_entry set entry = replace(entry, '"quantity":1', '"quantity":9') where seq = (select min(seq) from ledger_entry where type = 'inventory.committed' and entry like '%"quantity":1%')`.execute(handle.db);
  } finally {
    await handle.close();
  }
  const broken = await runCli(['ledger', 'verify'], env);
  expect(broken.code).toBe(1);
  expect(broken.stderr).toMatch(/^ledger broken: entry \d+ \(evt_\w+\): its hash does not match its content: the entry was changed\n$/);
}, 300_000);
