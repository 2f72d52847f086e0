import { afterAll, expect, test } from 'vitest';
import { createPgCluster, type PgCluster } from './helpers/pg-cluster.ts';
import { callJson, startServerProcess, type ServerProcess } from './helpers/processes.ts';
import { REMOTE_ADMIN } from './helpers/remote-shop.ts';
import { onServer } from './helpers/test-database.ts';
import { waitFor } from './helpers/webhook-receiver.ts';

/**
 * PostgreSQL restarted under a running `cartwright start` process, on a cluster of the test's own:
 * cleanly (clients are told 57P01) and by a crash (connections cut). Requests in flight when it goes
 * and those sent while it is down are answered 503 `database_unavailable` — never a 500, never a
 * dropped connection (the process once exited here: an 'error' from a checked-out connection had no
 * listener) — and the same process serves again once it is back. The drill under checkout load is
 * `DRILL=pg-restart` (docs/failure-drills.md). If this fails, the server's output says why.
 */
let cluster: PgCluster | undefined;
let server: ServerProcess | undefined;
afterAll(async () => {
  if (server && server.child.exitCode === null) await server.stop('SIGKILL');
  cluster?.destroy();
});

/** Buyers creating and reading carts in a loop, so connections are checked out when the server goes. */
function busy(url: string) {
  const statuses = new Map<number, number>();
  let running = true;
  const loops = Array.from({ length: 8 }, async () => {
    while (running) {
      const created = await callJson(url, 'POST', '/store/carts', { currency_code: 'USD' }).catch(() => ({ status: 0, body: null }));
      statuses.set(created.status, (statuses.get(created.status) ?? 0) + 1);
      if (created.status === 201) {
        const read = await callJson(url, 'GET', `/store/carts/${created.body.id}`).catch(() => ({ status: 0, body: null }));
        statuses.set(read.status, (statuses.get(read.status) ?? 0) + 1);
      } else {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  });
  return { stop: async () => (running = false, await Promise.all(loops), statuses) };
}

// PostgreSQL's behaviour, on a cluster of the test's own: run once, on the server run (where the server's tools are).
test.skipIf(!onServer)('PostgreSQL down: every request answered 503 database_unavailable; back up: the same process serves again', async () => {
  cluster = await createPgCluster('restart-test');
  server = await startServerProcess({ DATABASE_URL: cluster.url(), ADMIN_EMAIL: REMOTE_ADMIN.email, ADMIN_PASSWORD: REMOTE_ADMIN.password, SWEEP_INTERVAL_MS: '0' });
  const url = server.url;
  try {
    await restartTwice(url, cluster, server);
  } catch (error) {
    // A process that died says why on its way out.
    throw new Error(`${(error as Error).message}\nthe server's last output:\n${server.output().slice(-4000)}`);
  }
  expect(await server.stop('SIGTERM')).toBe(0);
}, 120_000);

/** A clean restart, then a crash, each with buyers busy when the server goes. */
async function restartTwice(url: string, cluster: PgCluster, server: ServerProcess): Promise<void> {
  const cart = await callJson(url, 'POST', '/store/carts', { currency_code: 'USD' });
  expect(cart.status).toBe(201);

  for (const mode of ['fast', 'immediate'] as const) {
    const load = busy(url);
    await waitFor(async () => (await callJson(url, 'GET', '/health')).status === 200);
    cluster.stop(mode);
    const down = await Promise.all([
      callJson(url, 'GET', '/ready'),
      callJson(url, 'POST', '/store/carts', { currency_code: 'USD' }),
      callJson(url, 'GET', `/store/carts/${cart.body.id}`),
      fetch(`${url}/store/carts/${cart.body.id}/complete`, { method: 'POST', headers: { 'idempotency-key': `restart-${mode}` } })
        .then(async (res) => ({ status: res.status, body: await res.json() })),
    ]);
    for (const answer of down) expect(answer).toMatchObject({ status: 503, body: { error: { code: 'database_unavailable' } } });
    expect((await callJson(url, 'GET', '/health')).status).toBe(200);
    const seen = await load.stop();
    expect([...seen.keys()].filter((status) => ![200, 201, 503].includes(status)), mode).toEqual([]);
    expect(seen.get(503), mode).toBeGreaterThan(0);

    cluster.start();
    await waitFor(async () => (await callJson(url, 'GET', '/ready')).status === 200, 30_000, 'ready again');
    expect((await callJson(url, 'POST', '/store/carts', { currency_code: 'USD' })).status).toBe(201);
    expect((await callJson(url, 'GET', `/store/carts/${cart.body.id}`)).body.id).toBe(cart.body.id);
    expect(server.child.exitCode).toBe(null);
  }
}
