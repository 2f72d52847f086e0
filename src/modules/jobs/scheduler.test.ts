import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { logIn, signUp } from '../../../test/helpers/customers.ts';
import { NO_JOBS } from '../../../test/helpers/background.ts';
import { createStockedProduct, pay, readyCart, complete, setUpSelling } from '../../../test/helpers/selling.ts';
import { countStatements } from '../../../test/helpers/statements.ts';
import { onServer } from '../../../test/helpers/test-database.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { waitFor } from '../../../test/helpers/webhook-receiver.ts';
import { createAdminUser } from '../users/admin-users.ts';
import { builtInJobs } from './built-in-jobs.ts';
import { startScheduler, type JobDefinition } from './scheduler.ts';
import { loadConfig } from '../../config.ts';
import { builtInPaymentProviders } from '../payments/providers.ts';
import { runSubscriber, sequenceEvents } from '../events/dispatcher.ts';

/**
 * The scheduler: each job runs once per period across processes (never two runs at once), failures
 * are recorded, and staff see each job's last run. Two schedulers in this process, each on its own
 * connection pool on PostgreSQL, race for the same rows as two processes would; the cluster test
 * (test/cluster-automation.test.ts) runs real processes.
 */
let shop: TestShop;
beforeAll(async () => {
  shop = await startTestShop(NO_JOBS);
});
afterAll(async () => shop?.close());

const log = { error: () => {}, warn: () => {} };

/** The job's row and its recorded runs (oldest first). */
async function jobState(name: string) {
  const row = await shop.db.selectFrom('scheduled_job').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
  const history = await shop.db.selectFrom('job_run').select(['process_id', 'status']).where('job_name', '=', name).orderBy('started_at').orderBy('id').execute();
  return { row, history };
}

test('two schedulers, each on its own connection pool on PostgreSQL, race for a job: each due run is taken once, never two at once', async () => {
  const other = onServer ? (await shop.database.openAnother()).db : shop.db;
  const runs: string[] = [];
  let active = 0;
  let overlapped = false;
  // Due once an hour: within the test a run is due only when the test makes it so.
  const job = (process: string): JobDefinition => ({
    name: 'counting', description: 'counts', intervalMs: 3_600_000,
    async run() {
      if (++active > 1) overlapped = true;
      runs.push(process);
      await new Promise((r) => setImmediate(r));
      active--;
      return { n: runs.length };
    },
  });
  const a = await startScheduler({ db: shop.db, jobs: [job('A')], processId: 'A', log });
  const b = await startScheduler({ db: other, jobs: [job('B')], processId: 'B', log });
  try {
    for (let due = 1; due <= 4; due++) {
      // Due at once on a new shop; after that, due again as if its period had passed.
      if (due > 1) await shop.ok('POST', '/admin/jobs/counting/run', undefined, 202);
      await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
      const { row } = await waitFor(async () => {
        const state = await jobState('counting');
        return state.row.run_count === due && state.row.locked_by === null ? state : null;
      }, 10_000, `run ${due} recorded`);
      expect(row).toMatchObject({ failure_count: 0, last_status: 'succeeded', locked_until: null, last_result: { n: due } });
      expect(runs).toHaveLength(due);
    }
    // Not due: more ticks on both run nothing.
    await Promise.all([a.tick(), b.tick()]);
    expect(runs).toHaveLength(4);
    expect(overlapped).toBe(false);
    // Each run is recorded by the scheduler that ran it.
    const { history } = await jobState('counting');
    expect(history).toEqual(runs.map((process) => ({ process_id: process, status: 'succeeded' })));
  } finally {
    await a.stop();
    await b.stop();
  }
});

test('a job running past its lease keeps it (renewed), so no other scheduler starts it meanwhile', async () => {
  let runs = 0;
  let finish!: () => void;
  const slow: JobDefinition = { name: 'slow', description: 'slow', intervalMs: 3_600_000, run: () => { runs++; return new Promise<void>((r) => (finish = r)); } };
  const a = await startScheduler({ db: shop.db, jobs: [slow], processId: 'A', log, leaseMs: 150 });
  const b = await startScheduler({ db: shop.db, jobs: [slow], processId: 'B', log, leaseMs: 150 });
  try {
    await waitFor(() => runs === 1, 5000, 'the first run');
    const first = (await jobState('slow')).row;
    // Renewed past the end of the lease it was claimed with: the run has outlived it.
    await waitFor(async () => {
      const { row } = await jobState('slow');
      return row.locked_until!.getTime() > first.locked_until!.getTime() + 150 ? row : null;
    }, 5000, 'the lease renewed past its first end');
    // Due again while it runs: neither scheduler may start it.
    await shop.ok('POST', '/admin/jobs/slow/run', undefined, 202);
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(runs).toBe(1);
    expect((await jobState('slow')).row).toMatchObject({ locked_by: first.locked_by, run_count: 0 });
    finish();
    // Once it has finished, the run asked for meanwhile goes ahead, once.
    await waitFor(async () => (await jobState('slow')).row.run_count === 1, 5000, 'the first run recorded');
    const ticks = Promise.all([a.tick(), b.tick()]); // a tick resolves when the runs it started end
    await waitFor(() => runs === 2, 5000, 'the run asked for meanwhile');
    finish();
    await ticks;
    await waitFor(async () => (await jobState('slow')).row.run_count === 2, 5000, 'the second run recorded');
    expect(runs).toBe(2);
  } finally {
    await a.stop();
    await b.stop();
  }
});

test('a failed run is recorded with its error; the job runs again next period', async () => {
  let calls = 0;
  const flaky: JobDefinition = { name: 'flaky', description: 'fails first', intervalMs: 100, run: async () => { if (++calls === 1) throw new Error('disk on fire'); return { ok: true }; } };
  const scheduler = await startScheduler({ db: shop.db, jobs: [flaky], processId: 'A', log });
  await waitFor(() => calls >= 2, 5000, 'the second run');
  await scheduler.stop();
  const runs = await shop.db.selectFrom('job_run').select(['status', 'error']).where('job_name', '=', 'flaky').orderBy('started_at').execute();
  expect(runs[0]).toEqual({ status: 'failed', error: 'disk on fire' });
  expect(runs[1]).toEqual({ status: 'succeeded', error: null });
  const row = await shop.db.selectFrom('scheduled_job').select(['failure_count', 'last_status']).where('name', '=', 'flaky').executeTakeFirstOrThrow();
  expect(row).toEqual({ failure_count: 1, last_status: 'succeeded' });
});

test('a tick with nothing due asks once for all the jobs; a due one is still claimed and run', async () => {
  // Only the ticks the test makes: the scheduler's own timer is held.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  const runs: string[] = [];
  const hourly = (name: string): JobDefinition => ({ name, description: name, intervalMs: 3_600_000, run: async () => void runs.push(name) });
  const scheduler = await startScheduler({ db: shop.db, jobs: ['quiet_a', 'quiet_b', 'quiet_c'].map(hourly), processId: 'A', log });
  try {
    // Due at once on a new shop.
    expect((await scheduler.tick()).sort()).toEqual(['quiet_a', 'quiet_b', 'quiet_c']);
    const idle = await countStatements(shop, () => scheduler.tick());
    expect([idle.result, idle.statements]).toEqual([[], 1]);
    await shop.ok('POST', '/admin/jobs/quiet_b/run', undefined, 202);
    expect(await scheduler.tick()).toEqual(['quiet_b']);
    expect(runs.sort()).toEqual(['quiet_a', 'quiet_b', 'quiet_b', 'quiet_c']);
  } finally {
    vi.useRealTimers();
    await scheduler.stop();
  }
});

test('JOB_INTERVALS naming no job stops the start', () => {
  expect(() => builtInJobs({ db: shop.db, providers: builtInPaymentProviders(), config: { ...loadConfig({}), jobIntervals: { checkout_sweeps: 10 } } }))
    .toThrow(/JOB_INTERVALS names no job called checkout_sweeps/);
  expect(loadConfig({ JOB_INTERVALS: 'checkout_sweep=1000, retry_webhooks=0' }).jobIntervals).toEqual({ checkout_sweep: 1000, retry_webhooks: 0 });
  expect(() => loadConfig({ JOB_INTERVALS: 'checkout_sweep:1000' })).toThrow(/JOB_INTERVALS must be a list of job=milliseconds/);
});

describe('the built-in jobs, through the Admin API', () => {
  let jobs: JobDefinition[];
  let scheduler: Awaited<ReturnType<typeof startScheduler>>;
  beforeAll(async () => {
    jobs = builtInJobs({ db: shop.db, providers: builtInPaymentProviders(), config: { ...shop.config, sweepIntervalMs: 3_600_000, jobIntervals: {} } });
    scheduler = await startScheduler({ db: shop.db, jobs, processId: 'api', log });
    // Each is due at once on a new shop.
    await waitFor(async () => (await shop.ok('GET', '/admin/jobs')).data.filter((j: any) => jobs.some((d) => d.name === j.name) && j.run_count >= 1 && !j.running).length === jobs.length, 10_000, 'first runs');
  });
  afterAll(() => scheduler?.stop());

  /** Asks for a run through the API and waits until the scheduler has done it. */
  async function runNow(name: string) {
    const before = (await shop.ok('GET', `/admin/jobs/${name}`)).run_count;
    expect((await shop.ok('POST', `/admin/jobs/${name}/run`, undefined, 202)).name).toBe(name);
    return waitFor(async () => {
      const job = await shop.ok('GET', `/admin/jobs/${name}`);
      return job.run_count > before && !job.running ? job : null;
    }, 5000, `a run of ${name}`);
  }

  test('GET /admin/jobs shows each job: period, last run, duration, outcome', async () => {
    const { data } = await shop.ok('GET', '/admin/jobs');
    const builtIn = data.filter((j: any) => ['checkout_sweep', 'expire_abandoned_carts', 'retry_webhooks', 'prune_idempotency_keys'].includes(j.name));
    expect(builtIn.map((j: any) => j.name)).toEqual(['checkout_sweep', 'expire_abandoned_carts', 'prune_idempotency_keys', 'retry_webhooks']);
    for (const job of builtIn) {
      expect(job).toMatchObject({ running: false, last_status: 'succeeded', last_error: null, failure_count: 0 });
      expect(job.description).toBeTruthy();
      expect(job.last_duration_ms).toBeGreaterThanOrEqual(0);
      expect(new Date(job.next_run_at).getTime()).toBeGreaterThan(Date.now());
    }
    expect(builtIn.find((j: any) => j.name === 'checkout_sweep')).toMatchObject({ interval_ms: 3_600_000, last_result: { holds_released: 0, orders_confirmed: 0, orders_undone: 0 } });
    expect(builtIn.find((j: any) => j.name === 'retry_webhooks').last_result).toEqual({ dead_lettered: 0, deliveries_pruned: 0 });
  });

  test('expire_abandoned_carts deletes carts untouched for CART_EXPIRY_DAYS, holding no stock; others stay', async () => {
    const selling = await setUpSelling(shop);
    const { variant } = await createStockedProduct(shop, { usd: 500, stock: 10, locationId: selling.warehouse.id });
    const abandoned = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 1 }] });
    const holding = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 1 }] });
    await pay(shop, holding.id);
    const completed = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 1 }] });
    await pay(shop, completed.id);
    expect((await complete(shop, completed.id)).status).toBe(201);
    const fresh = await readyCart(shop, { lines: [{ variant_id: variant.id, quantity: 1 }] });
    const old = new Date(Date.now() - (shop.config.cartExpiryDays + 1) * 86_400_000);
    await shop.db.updateTable('cart').set({ updated_at: old }).where('id', 'in', [abandoned.id, holding.id, completed.id]).execute();

    const job = await runNow('expire_abandoned_carts');
    expect(job.last_result).toEqual({ carts_expired: 1 });
    expect((await shop.get(`/store/carts/${abandoned.id}`)).status).toBe(404);
    for (const kept of [holding, completed, fresh]) expect((await shop.get(`/store/carts/${kept.id}`)).status, kept.id).toBe(200);
    const events = await shop.db.selectFrom('event_outbox').select(['type', 'payload']).where('resource_id', '=', abandoned.id).where('type', '=', 'cart.expired').execute();
    expect(events).toHaveLength(1);
    const runs = await shop.ok('GET', '/admin/jobs/expire_abandoned_carts/runs?limit=1');
    expect(runs.data[0]).toMatchObject({ process_id: 'api', status: 'succeeded', result: { carts_expired: 1 } });
  });

  test('prune_idempotency_keys forgets keys older than IDEMPOTENCY_KEY_HOURS', async () => {
    await shop.db.insertInto('idempotency_key').values([
      { scope: 'test', key: 'old', request_hash: 'h', state: 'done', created_at: new Date(Date.now() - 48 * 3_600_000) },
      { scope: 'test', key: 'new', request_hash: 'h', state: 'done' },
    ]).execute();
    expect((await runNow('prune_idempotency_keys')).last_result).toEqual({ keys_pruned: 1 });
    expect((await shop.db.selectFrom('idempotency_key').select('key').where('scope', '=', 'test').execute()).map((k) => k.key)).toEqual(['new']);
  });

  test('prune_events forgets old events every subscriber has handled; the unhandled and the recent stay', async () => {
    const old = new Date(Date.now() - 31 * 86_400_000);
    const event = (id: string, created_at: Date) => ({ id, type: 'test.pruning', resource_type: 'test', resource_id: id, payload: '{}', created_at });
    await shop.db.insertInto('event_outbox').values([
      event('evt_prune_1', old), event('evt_prune_2', old), event('evt_prune_3', old), event('evt_prune_4', new Date()),
    ]).execute();
    await sequenceEvents(shop.db);
    const handled = await shop.db.selectFrom('event_outbox').select('dispatch_seq').where('id', '=', 'evt_prune_2').executeTakeFirstOrThrow();
    await shop.db.insertInto('event_subscription').values({ name: 'test_pruning', position: handled.dispatch_seq! }).execute();
    try {
      expect((await runNow('prune_events')).last_result).toEqual({ events_pruned: 2 });
      const left = await shop.db.selectFrom('event_outbox').select('id').where('type', '=', 'test.pruning').orderBy('seq').execute();
      expect(left.map((e) => e.id)).toEqual(['evt_prune_3', 'evt_prune_4']);

      // A subscriber whose next event was pruned still gets the ones after the gap.
      const first = await shop.db.selectFrom('event_outbox').select('dispatch_seq').where('id', '=', 'evt_prune_3').executeTakeFirstOrThrow();
      await shop.db.insertInto('event_subscription').values({ name: 'test_after_gap', position: first.dispatch_seq! - 2 }).execute();
      const seen: string[] = [];
      const subscriber = { name: 'test_after_gap', events: ['test.pruning'], handle: async (events: { id: string }[]) => void seen.push(...events.map((e) => e.id)) };
      while (await runSubscriber(shop.db, subscriber, 'test')) { /* until it has caught up */ }
      expect(seen).toEqual(['evt_prune_3', 'evt_prune_4']);
    } finally {
      await shop.db.deleteFrom('event_subscription').where('name', 'in', ['test_pruning', 'test_after_gap']).execute();
    }
  });

  test('prune_expired forgets sessions, tokens, sign-in counts, gateway events, emails and assistant conversations that can never be used again; the rest stay', async () => {
    const day = 86_400_000;
    const ago = (ms: number) => new Date(Date.now() - ms);
    // Staff sessions: three sign-ins, one expired two days ago, one revoked two days ago, one live.
    const user = await createAdminUser(shop.db, { email: 'pruned@jobs.test', password: 'pruned password 1', role: 'support' });
    const signIn = async () => (await shop.post('/admin/auth/login', { email: 'pruned@jobs.test', password: 'pruned password 1' }, { token: null })).body.token as string;
    const [expired, revoked, live] = [await signIn(), await signIn(), await signIn()];
    const sessions = await shop.db.selectFrom('admin_session').select('id').where('user_id', '=', user.id).orderBy('created_at').execute();
    await shop.db.updateTable('admin_session').set({ expires_at: ago(2 * day) }).where('id', '=', sessions[0].id).execute();
    await shop.db.updateTable('admin_session').set({ revoked_at: ago(2 * day) }).where('id', '=', sessions[1].id).execute();
    // A customer with an old session, a fresh one, and a password-reset token used two days ago.
    const customer = await signUp(shop);
    const fresh = (await logIn(shop, customer.email, customer.password)).body.token as string;
    expect((await shop.post('/store/auth/password-reset', { email: customer.email })).status).toBe(202);
    await shop.db.updateTable('customer_session').set({ expires_at: ago(day + 60_000) }).where('customer_id', '=', customer.id)
      .where('created_at', '=', (eb) => eb.selectFrom('customer_session').select((s) => s.fn.min('created_at').as('first')).where('customer_id', '=', customer.id)).execute();
    await shop.db.updateTable('customer_token').set({ used_at: ago(2 * day) }).where('customer_id', '=', customer.id).where('purpose', '=', 'password_reset').execute();
    // Failed sign-ins: one count idle two days, one still locked, one recent.
    await shop.db.insertInto('login_attempt').values([
      { realm: 'prune-test', email_hash: 'idle', failures: 2, updated_at: ago(2 * day) },
      { realm: 'prune-test', email_hash: 'locked', failures: 5, locked_until: new Date(Date.now() + 60_000), updated_at: ago(2 * day) },
      { realm: 'prune-test', email_hash: 'recent', failures: 1 },
    ]).execute();
    const gatewayEvent = (id: string, status: 'processed' | 'pending', received_at: Date) => ({ id, provider_id: 'test_card', provider_event_id: id, type: 'payment.succeeded', raw_body: '{}', status, received_at });
    await shop.db.insertInto('payment_webhook_event').values([
      gatewayEvent('pwe_prune_old', 'processed', ago(31 * day)), gatewayEvent('pwe_prune_pending', 'pending', ago(31 * day)), gatewayEvent('pwe_prune_new', 'processed', new Date()),
    ]).execute();
    const email = (id: string, status: 'sent' | 'pending', created_at: Date) => ({ id, recipient: 'x', subject: 's', text_body: 't', template: 'prune_test', status, attempts: 0, created_at });
    await shop.db.insertInto('email_message').values([email('msg_prune_old', 'sent', ago(91 * day)), email('msg_prune_pending', 'pending', ago(91 * day)), email('msg_prune_new', 'sent', new Date())]).execute();

    // Assistant conversations: one idle past ASSISTANT_CONVERSATION_HOURS (24), one not.
    await shop.db.insertInto('assistant_conversation').values([
      { id: 'asst_prune_old', customer_id: null, updated_at: ago(day + 60_000) }, { id: 'asst_prune_new', customer_id: null, updated_at: ago(day - 60_000) },
    ]).execute();

    const job = await runNow('prune_expired');
    expect(job.last_result).toEqual({ admin_sessions: 2, customer_sessions: 1, customer_tokens: 1, login_attempts: 1, gateway_events: 1, emails: 1, assistant_conversations: 1 });
    expect((await shop.db.selectFrom('assistant_conversation').select('id').where('id', 'like', 'asst_prune_%').execute()).map((r) => r.id)).toEqual(['asst_prune_new']);
    for (const [token, status] of [[expired, 401], [revoked, 401], [live, 200]] as const) {
      expect((await shop.request('GET', '/admin/auth/session', { token })).status).toBe(status);
    }
    expect((await shop.request('GET', '/store/customers/me', { headers: { authorization: `Bearer ${fresh}` } })).status).toBe(200);
    expect(await shop.db.selectFrom('customer_session').select('id').where('customer_id', '=', customer.id).execute()).toHaveLength(1);
    expect((await shop.db.selectFrom('customer_token').select('purpose').where('customer_id', '=', customer.id).execute()).map((t) => t.purpose)).toEqual(['email_verification']);
    expect((await shop.db.selectFrom('login_attempt').select('email_hash').where('realm', '=', 'prune-test').orderBy('email_hash').execute()).map((r) => r.email_hash)).toEqual(['locked', 'recent']);
    expect((await shop.db.selectFrom('payment_webhook_event').select('id').where('id', 'like', 'pwe_prune_%').orderBy('id').execute()).map((r) => r.id)).toEqual(['pwe_prune_new', 'pwe_prune_pending']);
    expect((await shop.db.selectFrom('email_message').select('id').where('template', '=', 'prune_test').orderBy('id').execute()).map((r) => r.id)).toEqual(['msg_prune_new', 'msg_prune_pending']);
  });

  test('maintain_database vacuums and analyzes the tables that changed enough where no autovacuum runs (the embedded database); a server\'s autovacuum is left to do it', async () => {
    await sql`create table maintenance_probe (id int primary key, n int not null)`.execute(shop.db);
    await sql`insert into maintenance_probe select g, 0 from generate_series(1, 200) g`.execute(shop.db);
    await sql`update maintenance_probe set n = n + 1`.execute(shop.db);
    await sql`update maintenance_probe set n = n + 1`.execute(shop.db);
    // A server publishes each connection's table statistics a moment after its commits.
    await waitFor(async () => (await sql<{ dead: number }>`select n_dead_tup::int as dead from pg_stat_user_tables where relname = 'maintenance_probe'`.execute(shop.db)).rows[0]?.dead > 90, 5000, 'the dead rows counted');
    const job = await runNow('maintain_database');
    // A server normally runs autovacuum (this machine's has it turned off, so there too the job works).
    const launcher = await sql<{ running: boolean }>`select exists (select 1 from pg_stat_activity where backend_type = 'autovacuum launcher') as running`.execute(shop.db);
    if (launcher.rows[0].running) {
      expect(job.last_result).toEqual({ skipped: 'the database server runs autovacuum' });
      return;
    }
    expect(job.last_result.vacuumed).toContain('maintenance_probe');
    const stats = await sql<{ vacuumed: boolean; dead: number }>`
      select last_vacuum is not null as vacuumed, n_dead_tup::int as dead from pg_stat_user_tables where relname = 'maintenance_probe'`.execute(shop.db);
    expect(stats.rows).toEqual([{ vacuumed: true, dead: 0 }]);
    // Nothing changed since: the next run leaves it alone.
    expect((await runNow('maintain_database')).last_result.vacuumed).not.toContain('maintenance_probe');
  });

  test('unknown jobs are 404; reading needs settings:read, running needs settings:write', async () => {
    await shop.refused('GET', '/admin/jobs/nothing', undefined, 404, 'job_not_found');
    await shop.refused('POST', '/admin/jobs/nothing/run', undefined, 404, 'job_not_found');
    await shop.refused('GET', '/admin/jobs/nothing/runs', undefined, 404, 'job_not_found');
    await createAdminUser(shop.db, { email: 'catalog@jobs.test', password: 'catalog password 1', role: 'catalog_manager' });
    const token = (await shop.post('/admin/auth/login', { email: 'catalog@jobs.test', password: 'catalog password 1' }, { token: null })).body.token;
    expect((await shop.request('GET', '/admin/jobs', { token })).status).toBe(200);
    const refused = await shop.request('POST', '/admin/jobs/checkout_sweep/run', { token });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toEqual({ permission: 'settings:write' });
  });
});
