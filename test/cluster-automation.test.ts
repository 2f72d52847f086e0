import { afterAll, beforeAll, expect, test } from 'vitest';
import { processDatabase, startServerProcess, type ServerProcess } from './helpers/processes.ts';
import { listAll, REMOTE_ADMIN, signIn, type Remote } from './helpers/remote-shop.ts';
import { onServer } from './helpers/test-database.ts';
import { startReceiver, waitFor } from './helpers/webhook-receiver.ts';

/**
 * Three server processes on one PostgreSQL (one process on the embedded database, which has one):
 * each scheduled job runs once per period across them, never twice at once; each event reaches each
 * endpoint it subscribes to, at least once and a bounded number of times, whichever process recorded
 * it, dispatched it or sent it.
 */
const PROCESSES = onServer ? 3 : 1;
const PERIOD_MS = 1000;
const JOBS = ['checkout_sweep', 'expire_abandoned_carts', 'mark_abandoned_carts', 'email_abandoned_carts', 'retry_webhooks', 'prune_idempotency_keys', 'prune_events', 'resume_payment_operations', 'send_emails', 'prune_expired', 'maintain_database', 'seal_ledger', 'reconcile_ledger', 'forecast_demand'];

let database: Awaited<ReturnType<typeof processDatabase>> | undefined;
let servers: ServerProcess[] = [];
let shops: Remote[] = [];
let startedAt = 0;

beforeAll(async () => {
  database = await processDatabase('cluster');
  const env: Record<string, string> = { ...database.env };
  Object.assign(env, {
    SEED_DEMO: 'false', ADMIN_EMAIL: REMOTE_ADMIN.email, ADMIN_PASSWORD: REMOTE_ADMIN.password,
    WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_BASE_MS: '100', DISPATCH_INTERVAL_MS: '200',
    // One delivery in flight per process: two in flight at once were sent by two processes.
    WEBHOOK_CONCURRENCY: '1',
    JOB_INTERVALS: JOBS.map((name) => `${name}=${PERIOD_MS}`).join(','),
  });
  // The first start migrates and sets the shop up; the others join it.
  servers = [await startServerProcess(env)];
  servers.push(...await Promise.all(Array.from({ length: PROCESSES - 1 }, () => startServerProcess(env))));
  startedAt = Date.now();
  shops = await Promise.all(servers.map((s) => signIn(s.url)));
}, 180_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await database?.close();
});

test('each event reaches each endpoint: at least once, at most twice, whichever process recorded it', async () => {
  // One receiver fails every third request, so retries are part of the run.
  let n = 0;
  const everything = await startReceiver(() => (++n % 3 === 0 ? 500 : 200));
  const productsOnly = await startReceiver();
  const all = await shops[0].ok('POST', '/admin/webhooks', { url: everything.url, events: ['*'] }, 201);
  const products = await shops[0].ok('POST', '/admin/webhooks', { url: productsOnly.url, events: ['product.*'] }, 201);

  // Changes through every process at once.
  const created: string[] = [];
  await Promise.all(shops.map(async (shop, p) => {
    for (let i = 0; i < 8; i++) {
      const product = await shop.ok('POST', '/admin/products', { title: `Cluster ${p}-${i}`, variants: [{ sku: `CL-${p}-${i}`, prices: [] }] }, 201);
      created.push(product.id);
      await shop.ok('POST', `/admin/products/${product.id}`, { description: `changed by process ${p}` });
      await shop.ok('POST', '/admin/collections', { title: `Cluster collection ${p}-${i}`, handle: `cl-${p}-${i}` }, 201);
    }
  }));
  const productEvents = created.length * 2;
  const total = productEvents + created.length + 1; // and the second endpoint's creation

  const unique = (receiver: typeof everything) => new Set(receiver.accepted().map((r) => r.event.id));
  await waitFor(() => unique(everything).size >= total && unique(productsOnly).size >= productEvents, 60_000, 'every event at both endpoints');
  await new Promise((r) => setTimeout(r, 1000)); // anything still to come would be a duplicate

  // Each endpoint: exactly the events it subscribed to, each delivered, none more than twice.
  for (const [receiver, endpoint, count, filter] of [[everything, all, total, () => true], [productsOnly, products, productEvents, (t: string) => t.startsWith('product.')]] as const) {
    const ids = unique(receiver);
    expect(ids.size).toBe(count);
    expect(receiver.received.every((r) => filter(r.event.type))).toBe(true);
    const perEvent = new Map<string, number>();
    for (const r of receiver.accepted()) perEvent.set(r.event.id, (perEvent.get(r.event.id) ?? 0) + 1);
    expect(Math.max(...perEvent.values())).toBeLessThanOrEqual(2);
    const deliveries = await listAll(shops[0], `/admin/webhooks/${endpoint.id}/deliveries`);
    expect(deliveries.map((d: any) => d.event_type).filter((t: string) => !t.startsWith('product.') && t !== 'collection.created')).toEqual(endpoint === all ? ['webhook_endpoint.created'] : []);
    expect(deliveries).toHaveLength(count);
    expect(deliveries.every((d: any) => d.status === 'delivered')).toBe(true);
    expect(new Set(deliveries.map((d: any) => d.event_id))).toEqual(ids);
    // In order per resource: a product's created came before its update.
    for (const id of created) {
      const types = receiver.accepted().filter((r) => r.event.resource_id === id).map((r) => r.event.type);
      expect([...new Set(types)], id).toEqual(['product.created', 'product.updated']);
    }
  }
  expect(everything.received.some((r) => r.status === 500)).toBe(true);
  await everything.close();
  await productsOnly.close();
}, 120_000);

test.runIf(onServer)('the processes share the delivery work: deliveries in flight at once, from different processes', async () => {
  // The receiver holds each request until another is in flight beside it: with one delivery in flight
  // per process, only a second process sending can release it. It gives up after 5 s, well inside the
  // senders' 10 s timeout, so no sender ever abandons a held request and sends the next meanwhile.
  let inFlight = 0;
  let most = 0;
  const receiver = await startReceiver(async () => {
    most = Math.max(most, ++inFlight);
    await waitFor(() => most >= 2, 5_000, 'a second delivery in flight').catch(() => {});
    inFlight--;
    return 200;
  });
  await shops[0].ok('POST', '/admin/webhooks', { url: receiver.url, events: ['collection.created'] }, 201);
  const collections = await Promise.all(Array.from({ length: 6 }, (_, i) => shops[i % PROCESSES].ok('POST', '/admin/collections', { title: `Shared ${i}`, handle: `shared-${i}` }, 201)));
  await waitFor(() => new Set(receiver.accepted().map((r) => r.event.resource_id)).size === collections.length, 60_000, 'every collection delivered');
  expect(most).toBeGreaterThanOrEqual(2);
  expect(new Set(receiver.accepted().map((r) => r.event.resource_id))).toEqual(new Set(collections.map((c: any) => c.id)));
  await receiver.close();
}, 90_000);

test('each scheduled job runs once per period across the processes, never twice at once', async () => {
  // Let the schedule run for a while whatever the first test took.
  await new Promise((r) => setTimeout(r, Math.max(0, startedAt + 6000 - Date.now())));
  const until = Date.now();
  const { data } = await shops[0].ok('GET', '/admin/jobs');
  expect(data.map((j: any) => j.name)).toEqual([...JOBS].sort());
  const processes = new Set<string>();
  for (const name of JOBS) {
    const { data: runs } = await shops[PROCESSES - 1].ok('GET', `/admin/jobs/${name}/runs?limit=100`);
    const ordered = [...runs].reverse().filter((r: any) => new Date(r.started_at).getTime() <= until);
    expect(ordered.every((r: any) => r.status === 'succeeded'), name).toBe(true);
    // Never two at once: each run starts after the one before it finished.
    for (let i = 1; i < ordered.length; i++) {
      expect(new Date(ordered[i].started_at).getTime(), name).toBeGreaterThanOrEqual(new Date(ordered[i - 1].finished_at).getTime());
    }
    // Once per period: over the window, no more runs than periods (plus the one due at the start). Runs
    // keep to the schedule's grid, so a first run that started late (busy cores) may have a neighbour
    // due soon after it: the window counts whole periods from the grid point before the first run.
    const first = new Date(ordered[0].started_at).getTime();
    const window = until - first;
    expect(ordered.length, `${name}: ${ordered.length} runs in ${window} ms`).toBeLessThanOrEqual(Math.ceil(window / PERIOD_MS) + 1);
    // It keeps running; how many periods it fills depends on how long a run takes on busy cores (a
    // vacuum can outlast a period), so no lower bound from the clock.
    expect(ordered.length, `${name}: ${ordered.length} runs in ${window} ms`).toBeGreaterThanOrEqual(2);
    for (const r of ordered) processes.add(r.process_id.split(':')[1]);
  }
  expect(processes.size).toBeLessThanOrEqual(PROCESSES);
  expect(processes.size).toBeGreaterThanOrEqual(1);
}, 60_000);
