import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createStockedProduct, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { placeOrder } from '../../../test/helpers/orders.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { storefrontPages } from '../../config.ts';
import { dispatchOnce, registerSubscribers } from '../events/dispatcher.ts';
import { builtInJobs } from '../jobs/built-in-jobs.ts';
import { builtInSubscribers } from '../jobs/built-in-subscribers.ts';
import { builtInPaymentProviders } from '../payments/providers.ts';
import type { DispatchedEvent } from '../events/dispatched-event.ts';
import { staffAlerts } from '../notifications/staff-alerts.ts';
import { appendToLedger } from './append.ts';
import { anchorHead, fileAnchor, readAnchorFile, urlAnchor } from './anchors.ts';
import { sealPending } from './blocks.ts';
import { canonicalJson } from './canonical-json.ts';
import { canonicalEntry, entryHash, GENESIS_HASH } from './chain.ts';
import { ledgerAppender } from './ledger-appender.ts';
import { merkleProof, merkleRoot, rootFromProof } from './merkle.ts';
import { reconcileLedger } from './reconciliation.ts';
import { loadLedgerSigner } from './signing-key.ts';
import { verifyLedger } from './verify.ts';

/**
 * The ledger end to end on one shop: orders placed through the Store API are appended by the ledger
 * subscriber, sealed into signed blocks, proven per order, and every kind of tampering — a changed
 * row, a deleted one, two swapped, a live total changed behind the ledger's back, history rewritten
 * and re-signed — is detected and named. Each tamper is undone before the next (in a transaction
 * that rolls back), so each finding is the only one.
 */
const keyPem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const BLOCK = 4;
let shop: TestShop;
let selling: Selling;
let tmp: string;
const signer = loadLedgerSigner({ ledgerSigningKey: keyPem, ledgerKeyId: 'test-2026', dataDir: '/nonexistent' });
const append = { signer: () => signer, blockSize: BLOCK };

beforeAll(async () => {
  shop = await startTestShop({ ledgerSigningKey: keyPem, ledgerKeyId: 'test-2026', ledgerBlockSize: BLOCK });
  selling = await setUpSelling(shop);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-test-'));
});
afterAll(async () => {
  await shop?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const subscribers = () => [ledgerAppender(shop.db, append), staffAlerts({ db: shop.db, templatesDir: null })];

/** Runs the dispatcher until the ledger has taken every event. */
async function drain(): Promise<void> {
  await registerSubscribers(shop.db, subscribers());
  while (await dispatchOnce({ db: shop.db, subscribers: subscribers(), processId: 'test' }));
  await dispatchOnce({ db: shop.db, subscribers: subscribers(), processId: 'test' });
}

/** Runs `tamper` in a transaction, then `check` inside it, then rolls back: the ledger is whole again. */
async function whileTampered<T>(tamper: (db: typeof shop.db) => Promise<void>, check: (db: typeof shop.db) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await shop.db.transaction().execute(async (tx) => {
    await tamper(tx);
    result = await check(tx);
    throw new Error('rollback');
  }).catch((error: Error) => {
    if (error.message !== 'rollback') throw error;
  });
  return result as T;
}

async function entrySeqOf(type: string, orderId: string): Promise<number> {
  const row = await shop.db.selectFrom('ledger_entry').select('seq').where('type', '=', type).where('order_id', '=', orderId).executeTakeFirstOrThrow();
  return row.seq;
}

let orderA: any;
let orderB: any;

test('orders placed through the Store API are ledgered, once each, in one unbroken signed chain', async () => {
  const { variant } = await createStockedProduct(shop, { usd: 2500, stock: 10, locationId: selling.warehouse.id });
  orderA = await placeOrder(shop, [{ variant_id: variant.id, quantity: 2 }]);
  orderB = await placeOrder(shop, [{ variant_id: variant.id, quantity: 1 }]);
  await drain();
  // A second pass over the same events (at-least-once delivery) adds nothing.
  const events = (await shop.db.selectFrom('event_outbox').select(['seq', 'dispatch_seq', 'id', 'type', 'resource_type', 'resource_id', 'payload', 'created_at']).orderBy('dispatch_seq').execute())
    .map((e) => ({ ...e, position: e.dispatch_seq! }) as DispatchedEvent);
  expect(await appendToLedger(shop.db, events.filter((e) => e.type.startsWith('order.')), append)).toBe(0);

  const types = await shop.db.selectFrom('ledger_entry').select(['type']).where('order_id', '=', orderA.id).orderBy('seq').execute();
  expect(types.map((t) => t.type).sort()).toEqual(['inventory.committed', 'order.placed', 'payment.authorized', 'payment.captured'].sort());
  const all = await shop.db.selectFrom('ledger_entry').select(['seq', 'type', 'entry']).orderBy('seq').execute();
  expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
  // the stock received before the orders is a ledgered movement too; cart holds are not
  expect(all.filter((e) => e.type === 'inventory.adjusted')).toHaveLength(1);
  expect(all.filter((e) => e.type === 'inventory.reserved')).toHaveLength(0);
  const placed = JSON.parse(all.find((e) => e.type === 'order.placed')!.entry);
  // The order's snapshot (email, addresses) is sealed personal data: it stays out of the immutable ledger.
  expect(placed.payload).toEqual({ order_id: orderA.id, number: orderA.number, cart_id: expect.any(String), customer_id: null, total: orderA.total, currency_code: 'USD' });

  const verified = await verifyLedger(shop.db);
  expect(verified).toMatchObject({ ok: true, entries: all.length, blocks: Math.floor(all.length / BLOCK) });
  const head = await shop.ok('GET', '/admin/ledger/head');
  expect(head).toMatchObject({ seq: all.length, unsealed: all.length % BLOCK, block: { block_seq: Math.floor(all.length / BLOCK), key_id: 'test-2026' } });
});

test('the timed close seals the rest, and the anchor file holds the signed head', async () => {
  // Before it, the last entries are in no block yet: their proof says so.
  const open = await shop.ok('GET', `/admin/ledger/proof?order_id=${orderB.id}`);
  const unsealed = open.entries.filter((e: any) => e.block_seq === null);
  expect(unsealed.length).toBeGreaterThan(0);
  expect(unsealed.every((e: any) => e.proof.length === 0)).toBe(true);
  const anchorFile = path.join(tmp, 'anchors.jsonl');
  expect(await sealPending(shop.db, signer, BLOCK)).toBe(1);
  expect(await anchorHead(shop.db, [fileAnchor(anchorFile)])).toBe(1);
  expect(await anchorHead(shop.db, [fileAnchor(anchorFile)])).toBe(0); // the same head is published once
  const head = await shop.ok('GET', '/admin/ledger/head');
  expect(head.unsealed).toBe(0);
  expect(readAnchorFile(anchorFile)).toEqual([{ block_seq: head.block.block_seq, last_seq: head.seq, head_hash: head.hash, merkle_root: head.block.merkle_root }]);
  const status = await shop.ok('GET', '/admin/ledger');
  expect(status).toMatchObject({ enabled: true, head: { seq: head.seq }, last_anchor: { block_seq: head.block.block_seq }, mismatches: 0 });
});

test('the URL anchor POSTs the signed head and keeps the answer; a refusal is named and recorded nowhere', async () => {
  const received: any[] = [];
  let answer = 201;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.writeHead(answer).end(answer < 300 ? 'log index 7' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/heads`;
  try {
    answer = 503;
    await expect(anchorHead(shop.db, [urlAnchor(url)])).rejects.toThrow(`ledger anchoring failed: url:${url}: ledger anchor ${url} answered 503: no`);
    expect(await shop.db.selectFrom('ledger_anchor').select('anchor').where('anchor', '=', `url:${url}`).execute()).toEqual([]);
    answer = 201;
    expect(await anchorHead(shop.db, [urlAnchor(url)])).toBe(1);
    const head = await shop.ok('GET', '/admin/ledger/head');
    expect(received[1]).toEqual(head.block);
    expect(await shop.db.selectFrom('ledger_anchor').select(['block_seq', 'receipt']).where('anchor', '=', `url:${url}`).execute()).toEqual([{ block_seq: head.block.block_seq, receipt: 'log index 7' }]);
  } finally {
    server.close();
  }
});

test('LEDGER=off: no appender, the ledger\'s jobs never run', () => {
  const config = { ...shop.config, ledger: false };
  const subscribers = builtInSubscribers({ db: shop.db, webhookMaxAgeHours: 1, emailTemplatesDir: null, storefront: storefrontPages(config), orderNumberPrefix: '#', marketing: null, ledger: null });
  expect(subscribers.map((s) => s.name)).not.toContain('ledger');
  const jobs = builtInJobs({ db: shop.db, providers: builtInPaymentProviders(), config });
  expect(jobs.filter((j) => j.name.endsWith('_ledger')).map((j) => [j.name, j.intervalMs])).toEqual([['seal_ledger', 0], ['reconcile_ledger', 0]]);
});

test('an order\'s proof checks out with the public key alone, by the script in docs/ledger.md', async () => {
  const proof = await shop.ok('GET', `/admin/ledger/proof?order_id=${orderA.id}`);
  expect(proof.entries).toHaveLength(4);
  const { data: keys } = await shop.ok('GET', '/admin/ledger/keys');
  expect(keys).toEqual([expect.objectContaining({ key_id: 'test-2026', public_key: signer.publicKey })]);

  // The docs' script, run with plain node: it must accept this proof and refuse a doctored one.
  const docs = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/ledger.md'), 'utf8');
  const script = /```js verify-proof\.mjs\n([\s\S]*?)```/.exec(docs)?.[1];
  expect(script).toBeDefined();
  fs.writeFileSync(path.join(tmp, 'verify-proof.mjs'), script!);
  fs.writeFileSync(path.join(tmp, 'key.pem'), signer.publicKey);
  fs.writeFileSync(path.join(tmp, 'proof.json'), JSON.stringify(proof));
  const run = (file: string) => promisify(execFile)(process.execPath, [path.join(tmp, 'verify-proof.mjs'), path.join(tmp, 'key.pem'), file]).then(
    (r) => ({ code: 0, out: r.stdout }), (e) => ({ code: e.code as number, out: `${e.stdout}${e.stderr}` }));
  const good = await run(path.join(tmp, 'proof.json'));
  expect(good.out).toContain(`4 entries of ${orderA.id} proven`);
  expect(good.code).toBe(0);

  const doctored = structuredClone(proof);
  const target = doctored.entries.find((e: any) => e.entry.includes('"order.placed"'));
  target.entry = target.entry.replace(`"total":${orderA.total}`, `"total":${orderA.total - 1}`);
  fs.writeFileSync(path.join(tmp, 'doctored.json'), JSON.stringify(doctored));
  const bad = await run(path.join(tmp, 'doctored.json'));
  expect(bad.code).toBe(1);
  expect(bad.out).toContain(`entry ${target.seq}: its hash does not match its content`);

  await shop.refused('GET', '/admin/ledger/proof?order_id=ord_01NOPE', undefined, 404, 'order_not_ledgered');
  await shop.refused('GET', '/admin/ledger/proof?order_id=nope', undefined, 400, 'invalid_request');
});

test('a changed entry is named', async () => {
  const seq = await entrySeqOf('order.placed', orderA.id);
  const result = await whileTampered(
    (db) => sql`update ledger_entry set entry = replace(entry, ${`"total":${orderA.total}`}, '"total":1') where seq = ${seq}`.execute(db).then(() => {}),
    (db) => verifyLedger(db));
  expect(result).toMatchObject({ ok: false, problem: { seq, message: expect.stringContaining('the entry was changed') } });
});

test('a deleted entry is named', async () => {
  const seq = await entrySeqOf('payment.captured', orderB.id);
  const result = await whileTampered((db) => sql`delete from ledger_entry where seq = ${seq}`.execute(db).then(() => {}), (db) => verifyLedger(db));
  expect(result).toMatchObject({ ok: false, problem: { seq, message: `entry ${seq}: is missing (the chain jumps from ${seq - 1} to ${seq + 1})` } });
});

test('two swapped entries are named', async () => {
  const b = await entrySeqOf('order.placed', orderB.id);
  const a = b - 1;
  const result = await whileTampered(async (db) => {
    await sql`update ledger_entry set seq = 999999 where seq = ${a}`.execute(db);
    await sql`update ledger_entry set seq = ${a} where seq = ${b}`.execute(db);
    await sql`update ledger_entry set seq = ${b} where seq = 999999`.execute(db);
  }, (db) => verifyLedger(db));
  expect(result).toMatchObject({ ok: false, problem: { seq: a, message: expect.stringContaining(`says it is entry ${b}: entries were reordered`) } });
});

test('history rewritten and re-signed with the key is caught by the anchored head', async () => {
  const anchors = readAnchorFile(path.join(tmp, 'anchors.jsonl'));
  const seq = await entrySeqOf('order.placed', orderA.id);
  const result = await whileTampered(async (db) => {
    // The attacker holds the database and the signing key: they rewrite a total, rehash every entry
    // after it and seal the blocks again. The chain and the signatures are consistent again…
    const rows = await db.selectFrom('ledger_entry').selectAll().orderBy('seq').execute();
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const fact = JSON.parse(row.entry);
      if (row.seq === seq) fact.payload.total = 1;
      const entry = canonicalEntry(fact);
      const hash = entryHash(prev, entry);
      await db.updateTable('ledger_entry').set({ entry, prev_hash: prev, hash }).where('seq', '=', row.seq).execute();
      prev = hash;
    }
    await db.deleteFrom('ledger_anchor').execute();
    await db.deleteFrom('ledger_block').execute();
    await db.updateTable('ledger_head').set({ hash: prev, sealed_seq: 0, block_seq: 0 }).execute();
    await sealPending(db, signer, BLOCK);
  }, async (db) => ({ withoutAnchors: await verifyLedger(db), withAnchors: await verifyLedger(db, { anchors }) }));
  expect(result.withoutAnchors.ok).toBe(true);
  // …but not with the head published before.
  expect(result.withAnchors).toMatchObject({ ok: false, problem: { block_seq: anchors[0].block_seq, message: expect.stringContaining('history before the anchor was rewritten') } });
});

test('a block signed by a key the verifier does not trust is named', async () => {
  const other = loadLedgerSigner({ ledgerSigningKey: generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), ledgerKeyId: null, dataDir: '/nonexistent' });
  const result = await verifyLedger(shop.db, { trustedKeys: new Map([[other.keyId, other.publicKey]]) });
  expect(result).toMatchObject({ ok: false, problem: { block_seq: 1, message: 'block 1 (entries 1..4): signed with key test-2026, which is not a trusted key' } });
  expect(await verifyLedger(shop.db, { trustedKeys: new Map([['test-2026', signer.publicKey]]) })).toMatchObject({ ok: true });
});

test('a live order total changed behind the ledger\'s back is raised once, as an event and a staff email', async () => {
  await sql`update orders set total = total + 100 where id = ${orderA.id}`.execute(shop.db);
  expect(await reconcileLedger(shop.db)).toEqual({ mismatches: 1, raised: 1 });
  expect(await reconcileLedger(shop.db)).toEqual({ mismatches: 1, raised: 0 });
  const { data } = await shop.ok('GET', '/admin/ledger/mismatches');
  expect(data).toEqual([expect.objectContaining({ kind: 'order_total', resource_id: orderA.id, ledger_value: orderA.total, live_value: orderA.total + 100 })]);
  const event = await shop.db.selectFrom('event_outbox').select('payload').where('type', '=', 'ledger.mismatch').execute();
  expect(event.map((e) => e.payload)).toEqual([{ mismatch_id: data[0].id, kind: 'order_total', resource_id: orderA.id, ledger_value: orderA.total, live_value: orderA.total + 100 }]);
  await drain();
  const emails = await shop.db.selectFrom('email_message').select(['subject']).where('template', '=', 'ledger_mismatch').execute();
  expect(emails).toHaveLength(1); // the owner: the one staff member, whose role grants audit:read
  expect(emails[0].subject).toBe(`Ledger mismatch: order_total of ${orderA.id}`);
  await sql`update orders set total = total - 100 where id = ${orderA.id}`.execute(shop.db);
  expect((await reconcileLedger(shop.db)).mismatches).toBe(0);
});

test('payment amounts and stock levels changed behind the ledger\'s back are named', async () => {
  const payment = await shop.db.selectFrom('payment').select(['id', 'captured_amount']).where('order_id', '=', orderB.id).executeTakeFirstOrThrow();
  const level = await shop.db.selectFrom('inventory_level').select(['item_id', 'location_id', 'on_hand']).where('location_id', '=', selling.warehouse.id).executeTakeFirstOrThrow();
  // The stock moved through the API since the ledgered adjustment (orders commit, none fulfilled yet): no difference.
  expect(await reconcileLedger(shop.db)).toEqual({ mismatches: 0, raised: 0 });
  await sql`update payment set captured_amount = 0 where id = ${payment.id}`.execute(shop.db);
  await sql`update inventory_level set on_hand = on_hand + 5 where item_id = ${level.item_id} and location_id = ${level.location_id}`.execute(shop.db);
  await reconcileLedger(shop.db);
  const { data } = await shop.ok('GET', '/admin/ledger/mismatches');
  expect(data.filter((m: any) => m.kind !== 'order_total').map(({ kind, resource_id, ledger_value, live_value }: any) => ({ kind, resource_id, ledger_value, live_value })).sort((x: any, y: any) => x.kind.localeCompare(y.kind))).toEqual([
    { kind: 'payment_captured', resource_id: payment.id, ledger_value: payment.captured_amount, live_value: 0 },
    { kind: 'stock_on_hand', resource_id: `${level.item_id}@${level.location_id}`, ledger_value: level.on_hand, live_value: level.on_hand + 5 },
  ]);
  await sql`update payment set captured_amount = ${payment.captured_amount} where id = ${payment.id}`.execute(shop.db);
  await sql`update inventory_level set on_hand = on_hand - 5 where item_id = ${level.item_id} and location_id = ${level.location_id}`.execute(shop.db);
});

test('changes made through the API — an edit, a payment recorded, a fulfillment, a refund, a stock count, a cancel — leave nothing to reconcile', async () => {
  expect(await reconcileLedger(shop.db)).toEqual({ mismatches: 0, raised: 0 });

  const { variant } = await createStockedProduct(shop, { usd: 1000, stock: 20, locationId: selling.warehouse.id });
  const order = await placeOrder(shop, [{ variant_id: variant.id, quantity: 2 }]);
  const edited = await shop.ok('POST', `/admin/orders/${order.id}/edits`, { items: [{ line_item_id: order.items[0].id, quantity: 3 }] }, 201);
  await shop.ok('POST', `/admin/orders/${order.id}/payments`, { amount: edited.balance_after, note: 'bank transfer' }, 201);
  await shop.ok('POST', `/admin/orders/${order.id}/fulfillments`, { location_id: selling.warehouse.id, lines: [{ line_item_id: order.items[0].id, quantity: 1 }] }, 201);
  await shop.ok('POST', `/admin/orders/${order.id}/refunds`, { amount: 500, reason: 'goodwill' }, 201);
  await shop.ok('POST', '/admin/inventory/adjustments', { variant_id: variant.id, location_id: selling.warehouse.id, delta: -2, reason: 'damaged' }, 201);
  const other = await placeOrder(shop, [{ variant_id: variant.id, quantity: 1 }]);
  await shop.ok('POST', `/admin/orders/${other.id}/cancel`, { reason: 'customer' });
  await drain();

  const types = (await shop.db.selectFrom('ledger_entry').select('type').where('order_id', 'in', [order.id, other.id]).execute()).map((t) => t.type);
  for (const type of ['order.edited', 'order.payment_recorded', 'order.fulfilled', 'order.refunded', 'payment.refunded', 'order.canceled', 'inventory.released']) expect(types).toContain(type);
  expect(await reconcileLedger(shop.db)).toEqual({ mismatches: 0, raised: 0 });
  expect(await verifyLedger(shop.db)).toMatchObject({ ok: true });
});

test('three appenders at once make one gap-free chain', async () => {
  const fake = (n: number): DispatchedEvent => ({
    seq: 0, position: 0, id: `evt_concurrent_${n}`, type: 'lot.moved', resource_type: 'lot', resource_id: `lot_${n % 3}`, payload: { quantity: n }, created_at: new Date(),
  });
  const before = await shop.db.selectFrom('ledger_head').select('seq').executeTakeFirstOrThrow();
  // Overlapping batches, as when a lease ran out under a stalled process: each event once.
  await Promise.all([0, 1, 2].map((w) => appendToLedger(shop.db, Array.from({ length: 30 }, (_, i) => fake(w * 20 + i)), append)));
  const added = await shop.db.selectFrom('ledger_entry').select(['seq', 'event_id']).where('seq', '>', before.seq).orderBy('seq').execute();
  expect(added).toHaveLength(70);
  expect(new Set(added.map((a) => a.event_id)).size).toBe(70);
  expect(added.map((a) => a.seq)).toEqual(Array.from({ length: 70 }, (_, i) => before.seq + 1 + i));
  expect(await verifyLedger(shop.db)).toMatchObject({ ok: true, entries: before.seq + 70 });
});

test('a batch larger than one insert (1,001 events) is appended whole, sealed in full blocks', async () => {
  const before = await shop.db.selectFrom('ledger_head').select(['seq', 'sealed_seq']).executeTakeFirstOrThrow();
  const events = Array.from({ length: 1001 }, (_, i): DispatchedEvent => ({
    seq: 0, position: 0, id: `evt_bulk_${i}`, type: 'lot.moved', resource_type: 'lot', resource_id: 'lot_bulk', payload: { quantity: i }, created_at: new Date(),
  }));
  expect(await appendToLedger(shop.db, events, append)).toBe(1001);
  const head = await shop.db.selectFrom('ledger_head').select(['seq', 'sealed_seq']).executeTakeFirstOrThrow();
  expect(head.seq).toBe(before.seq + 1001);
  expect(head.seq - head.sealed_seq).toBe((head.seq - before.sealed_seq) % BLOCK);
  expect(await verifyLedger(shop.db)).toMatchObject({ ok: true, entries: head.seq });
});

test('key rotation: new blocks carry the new key id, old ones keep theirs, and both verify', async () => {
  const rotated = loadLedgerSigner({ ledgerSigningKey: generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), ledgerKeyId: 'test-2027', dataDir: '/nonexistent' });
  await appendToLedger(shop.db, [{ seq: 0, position: 0, id: 'evt_rotation_1', type: 'lot.moved', resource_type: 'lot', resource_id: 'lot_r', payload: { quantity: 1 }, created_at: new Date() }],
    { signer: () => rotated, blockSize: BLOCK });
  await sealPending(shop.db, rotated, BLOCK);
  const { data: keys } = await shop.ok('GET', '/admin/ledger/keys');
  expect(keys.map((k: any) => k.key_id)).toEqual(['test-2026', 'test-2027']);
  const head = await shop.ok('GET', '/admin/ledger/head');
  expect(head.block.key_id).toBe('test-2027');
  expect(await verifyLedger(shop.db, { trustedKeys: new Map([['test-2026', signer.publicKey], ['test-2027', rotated.publicKey]]) })).toMatchObject({ ok: true });
  expect(await verifyLedger(shop.db, { trustedKeys: new Map([['test-2026', signer.publicKey]]) }))
    .toMatchObject({ ok: false, problem: { block_seq: head.block.block_seq, message: expect.stringContaining('signed with key test-2027, which is not a trusted key') } });
  // The same id for another key is refused: a key id names one key forever.
  const impostor = loadLedgerSigner({ ledgerSigningKey: generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), ledgerKeyId: 'test-2027', dataDir: '/nonexistent' });
  await appendToLedger(shop.db, [{ seq: 0, position: 0, id: 'evt_rotation_2', type: 'lot.moved', resource_type: 'lot', resource_id: 'lot_r', payload: { quantity: 2 }, created_at: new Date() }],
    { signer: () => rotated, blockSize: BLOCK });
  await expect(sealPending(shop.db, impostor, BLOCK)).rejects.toThrow('ledger key id test-2027 already names another public key');
});

test('canonical JSON: sorted keys, no whitespace, integers only', () => {
  expect(canonicalJson({ b: 1, a: [true, null, 'x"y'], c: { z: undefined, y: -2 } })).toBe('{"a":[true,null,"x\\"y"],"b":1,"c":{"y":-2}}');
  expect(() => canonicalJson({ rate: 0.1 })).toThrow('integers only');
});

test('Merkle proofs lead every entry of blocks of 1 to 9 entries to the root, and no other entry there', () => {
  for (let n = 1; n <= 9; n += 1) {
    const hashes = Array.from({ length: n }, (_, i) => entryHash(GENESIS_HASH, String(i)));
    const root = merkleRoot(hashes);
    for (let i = 0; i < n; i += 1) {
      expect(rootFromProof(hashes[i], merkleProof(hashes, i))).toBe(root);
      expect(rootFromProof(entryHash(GENESIS_HASH, 'other'), merkleProof(hashes, i))).not.toBe(root);
    }
  }
});

test('a signing key that is not Ed25519, or not a key, stops the start naming LEDGER_SIGNING_KEY; without one a key file is made once', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  expect(() => loadLedgerSigner({ ledgerSigningKey: rsa, ledgerKeyId: null, dataDir: tmp })).toThrow('LEDGER_SIGNING_KEY must be an Ed25519 key, got rsa');
  expect(() => loadLedgerSigner({ ledgerSigningKey: 'not a key at all, just forty-odd characters of text', ledgerKeyId: null, dataDir: tmp })).toThrow('LEDGER_SIGNING_KEY is not a private key');
  const dataDir = path.join(tmp, 'data');
  const generated: string[] = [];
  const first = loadLedgerSigner({ ledgerSigningKey: null, ledgerKeyId: null, dataDir }, (file) => generated.push(file));
  const again = loadLedgerSigner({ ledgerSigningKey: null, ledgerKeyId: null, dataDir }, (file) => generated.push(file));
  expect(generated).toEqual([path.join(dataDir, 'ledger-signing-key.pem')]);
  expect(again.publicKey).toBe(first.publicKey);
  expect(first.keyId).toMatch(/^ed25519:[0-9a-f]{16}$/);
  expect(fs.statSync(generated[0]).mode & 0o777).toBe(0o600);
});
