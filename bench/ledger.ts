import { generateKeyPairSync } from 'node:crypto';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/connection.ts';
import { databaseTarget } from '../src/db/target.ts';
import type { DispatchedEvent } from '../src/modules/events/dispatched-event.ts';
import { appendToLedger } from '../src/modules/ledger/append.ts';
import { loadLedgerSigner } from '../src/modules/ledger/signing-key.ts';
import { verifyLedger } from '../src/modules/ledger/verify.ts';
import { Client, prepareCheckoutShop, runCheckouts } from './checkout.ts';
import type { BenchDatabase } from './databases.ts';
import { report, seconds, startShop } from './harness.ts';

/**
 * The ledger's cost: full checkouts with the ledger on (the appender running beside them in the same
 * process, as in production) and off (LEDGER=off), BENCH_LEDGER_ROUNDS (3) rounds of each, alternating,
 * in one run on one database, as a ratio of throughput and the server's CPU per checkout; then
 * the appender alone — entries per second appended (hashing, one insert per 200 events, blocks of
 * 1000 sealed and signed) and verified — on the same database with the shop stopped.
 */
/** Waits until the subscribers have handled every event (the seed's too), so the runs start alike. */
async function caughtUp(admin: Client, ledger: boolean): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const { body } = await admin.call('GET', '/admin/events/subscriptions');
    const running = (body.data as { name: string; behind: number }[]).filter((s) => ledger || s.name !== 'ledger');
    if (body.unsequenced === 0 && running.every((s) => s.behind === 0)) return;
    if (Date.now() > deadline) throw new Error(`subscribers still behind: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function benchLedger(database: BenchDatabase, buyers = Number(process.env.BENCH_BUYERS ?? 20)): Promise<void> {
  const key = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  // Rounds alternate on and off, so the load other work puts on the machine falls on both alike.
  const rounds = Number(process.env.BENCH_LEDGER_ROUNDS ?? 3);
  const totals = { on: { completed: 0, seconds: 0, cpuMs: 0 }, off: { completed: 0, seconds: 0, cpuMs: 0 } };
  for (let round = 1; round <= rounds; round += 1) {
    for (const ledger of ['on', 'off'] as const) {
      const shop = await startShop({ ...database.env, LEDGER: ledger, LEDGER_SIGNING_KEY: key });
      try {
        const target = await prepareCheckoutShop(shop, database.kind);
        await runCheckouts(target, buyers, 2); // warm-up
        await caughtUp(target.admin, ledger === 'on');
        const figures = await runCheckouts(target, buyers, seconds, { ledger, round });
        const status = (await target.admin.call('GET', '/admin/ledger')).body;
        totals[ledger].completed += figures.completed;
        totals[ledger].seconds += figures.completed / figures.checkouts_per_sec;
        totals[ledger].cpuMs += figures.server_cpu_ms_per_checkout * figures.completed;
        const { steps: _steps, ...summary } = figures;
        report({ ...summary, case: `checkout_ledger_${ledger}`, ...(ledger === 'on' ? { ledger_entries: status.head.seq, ledger_behind_at_end: status.behind } : {}) });
      } finally {
        await shop.stop();
      }
    }
  }
  const rate = (t: typeof totals.on) => t.completed / t.seconds;
  const cpu = (t: typeof totals.on) => t.cpuMs / t.completed;
  report({
    bench: 'ledger', case: 'checkout_ratio', db: database.kind, buyers, rounds,
    ledger_on_per_sec: Number(rate(totals.on).toFixed(1)), ledger_off_per_sec: Number(rate(totals.off).toFixed(1)),
    ratio_on_to_off: Number((rate(totals.on) / rate(totals.off)).toFixed(3)),
    server_cpu_ms_per_checkout_on: Number(cpu(totals.on).toFixed(2)), server_cpu_ms_per_checkout_off: Number(cpu(totals.off).toFixed(2)),
  });

  const handle = await openDatabase(databaseTarget({ ...loadConfig({ ...process.env, ...database.env }) }));
  try {
    const signer = loadLedgerSigner({ ledgerSigningKey: key, ledgerKeyId: null, dataDir: '/nonexistent' });
    const count = Number(process.env.BENCH_LEDGER_ENTRIES ?? 20_000);
    const base = Date.now();
    const events: DispatchedEvent[] = Array.from({ length: count }, (_, i) => ({
      seq: i, position: i, id: `evt_bench_${base}_${i}`, type: 'inventory.adjusted', resource_type: 'inventory_item', resource_id: `iitem_bench_${i % 500}`,
      payload: { item_id: `iitem_bench_${i % 500}`, location_id: 'sloc_bench', changes: [{ location_id: 'sloc_bench', field: 'on_hand', before: i, after: i + 1, change: 1 }], reason: 'received', actor: 'usr_bench', reference_type: 'adjustment', reference_id: `iadj_${i}`, note: null },
      created_at: new Date(base + i),
    }));
    const started = performance.now();
    for (let i = 0; i < count; i += 200) await appendToLedger(handle.db, events.slice(i, i + 200), { signer: () => signer, blockSize: 1000 });
    const appendSeconds = (performance.now() - started) / 1000;
    const verifyStarted = performance.now();
    const verified = await verifyLedger(handle.db);
    const verifySeconds = (performance.now() - verifyStarted) / 1000;
    if (!verified.ok) throw new Error(`ledger does not verify: ${verified.problem.message}`);
    report({
      bench: 'ledger', case: 'append', db: database.kind, entries: count, batch: 200, block_size: 1000,
      entries_per_sec: Math.round(count / appendSeconds), verified_entries: verified.entries, verified_per_sec: Math.round(verified.entries / verifySeconds),
    });
  } finally {
    await handle.close();
  }
}
