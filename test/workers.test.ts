import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort, processDatabase, runCli, startServerProcess, type ServerProcess } from './helpers/processes.ts';
import { REMOTE_ADMIN, signIn, type Remote } from './helpers/remote-shop.ts';
import { onServer } from './helpers/test-database.ts';
import { waitFor } from './helpers/webhook-receiver.ts';

/**
 * `cartwright start --workers N` (src/workers.ts): N processes serving one port on PostgreSQL, the
 * background work in one of them, a dead worker replaced, SIGHUP replacing each without a refused
 * request; refused on the embedded database, which one process holds.
 */

/** The pids of the primary's workers, from the process list. */
function workerPids(primary: number): number[] {
  const out = execFileSync('ps', ['--ppid', String(primary), '-o', 'pid='], { encoding: 'utf8' });
  return out.split('\n').map((line) => Number(line.trim())).filter(Boolean).sort((a, b) => a - b);
}

/**
 * Which process answered: one request on a connection of its own, then the process list of sockets
 * names the process holding the server's end of it (while the connection is still open).
 */
async function answeredBy(url: string, target = '/health', headers = ''): Promise<{ status: number; pid: number; body: string }> {
  const { port, hostname } = new URL(url);
  const socket = net.connect(Number(port), hostname).setTimeout(10_000, () => socket.destroy(new Error('no answer in 10 s')));
  try {
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const response = await new Promise<string>((resolve, reject) => {
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk;
        const end = text.indexOf('\r\n\r\n');
        const length = /\r\ncontent-length: (\d+)/i.exec(text.slice(0, end));
        if (end >= 0 && length && Buffer.byteLength(text.slice(end + 4)) >= Number(length[1])) resolve(text);
      }).once('error', reject);
      socket.write(`GET ${target} HTTP/1.1\r\nHost: ${hostname}\r\n${headers}\r\n`);
    });
    const ss = execFileSync('ss', ['-Htnp', 'state', 'established', `( sport = :${port} and dport = :${socket.localPort} )`], { encoding: 'utf8' });
    return { status: Number(/^HTTP\/1\.1 (\d+)/.exec(response)![1]), pid: Number(/pid=(\d+)/.exec(ss)![1]), body: response.slice(response.indexOf('\r\n\r\n') + 4) };
  } finally {
    socket.destroy();
  }
}

const METRICS_TOKEN = 'workers-test-metrics-token';

/** How many product lists the scraped metrics count (answered 200). */
function listRequests(metrics: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith('cartwright_http_request_duration_seconds_count{') && l.includes('route="/store/products"') && l.includes('status_code="200"'));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

/** The pid in each run's process id (host:pid:tag) of a job's runs since `since`. */
async function jobRunPids(admin: Remote, since: number): Promise<{ pids: Set<number>; runs: any[] }> {
  const { data } = await admin.ok('GET', '/admin/jobs/prune_expired/runs?limit=100');
  const runs = [...data].reverse().filter((r: any) => new Date(r.started_at).getTime() >= since);
  return { pids: new Set(runs.map((r: any) => Number(r.process_id.split(':')[1]))), runs };
}

describe.runIf(onServer)('two workers on PostgreSQL', () => {
  const PERIOD_MS = 500;
  let database: Awaited<ReturnType<typeof processDatabase>> | undefined;
  let server: ServerProcess;
  let admin: Remote;
  let metricsPort: number;

  beforeAll(async () => {
    database = await processDatabase('workers');
    metricsPort = await freePort();
    server = await startServerProcess({
      ...database.env, SEED_DEMO: 'false', ADMIN_EMAIL: REMOTE_ADMIN.email, ADMIN_PASSWORD: REMOTE_ADMIN.password,
      JOB_INTERVALS: `prune_expired=${PERIOD_MS}`, METRICS_TOKEN, METRICS_PORT: String(metricsPort),
    }, ['--workers', '2']);
    admin = await signIn(server.url);
  }, 60_000);
  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
    await database?.close();
  });

  test('the banner once, and both workers answer on the one port', async () => {
    // The first worker answers before the second listens; the primary prints the banner once both do.
    await waitFor(() => server.output().includes('Workers '), 60_000, 'the banner');
    expect(server.output().match(/Cartwright is running/g)).toHaveLength(1);
    expect(server.output()).toContain(`Workers     2 processes (primary ${server.child.pid}`);
    const workers = workerPids(server.child.pid!);
    expect(workers).toHaveLength(2);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await answeredBy(server.url));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect([...new Set(answers.map((a) => a.pid))].sort((a, b) => a - b)).toEqual(workers);
  }, 90_000);

  test('metrics are the cluster\'s: a scrape through either worker, or of the primary\'s METRICS_PORT, counts every worker\'s requests', async () => {
    const workers = workerPids(server.child.pid!);
    const scrapes = async () => {
      // A connection of its own each: the primary hands connections to the workers in turn.
      const viaWorkers = [];
      for (let i = 0; i < 4; i++) viaWorkers.push(await answeredBy(server.url, '/metrics', `Authorization: Bearer ${METRICS_TOKEN}\r\n`));
      expect(viaWorkers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      expect(new Set(viaWorkers.map((a) => a.pid))).toEqual(new Set(workers));
      const viaPrimary = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      return [...viaWorkers.map((a) => a.body), viaPrimary].map(listRequests);
    };
    const before = await scrapes();
    expect(new Set(before).size).toBe(1);
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await answeredBy(server.url, '/store/products?limit=1'));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(new Set(answers.map((a) => a.pid))).toEqual(new Set(workers));
    expect(await scrapes()).toEqual(Array(5).fill(before[0] + 10));
  }, 60_000);

  test('the background work runs in one worker: a job once per period, from one process', async () => {
    const since = Date.now();
    const { runs, pids } = await waitFor(async () => {
      const found = await jobRunPids(admin, since);
      return found.runs.length >= 3 ? found : null;
    }, 15_000, 'three runs of the job');
    for (let i = 1; i < runs.length; i++) {
      expect(new Date(runs[i].started_at).getTime()).toBeGreaterThanOrEqual(new Date(runs[i - 1].finished_at).getTime());
    }
    expect(pids.size).toBe(1);
    expect(workerPids(server.child.pid!)).toContain([...pids][0]);
  }, 30_000);

  test('a worker killed: the port keeps answering, the primary starts another, which takes over the background work', async () => {
    const before = workerPids(server.child.pid!);
    const { pids } = await jobRunPids(admin, 0);
    const background = [...pids].at(-1)!;
    process.kill(background, 'SIGKILL');
    // Once the primary knows, new connections go to the other worker (connections held by the killed
    // one, or handed to it as it died, are lost with it).
    await waitFor(() => server.output().includes('worker died: starting another'), 15_000, 'the primary noticing');
    const survivor = before.find((pid) => pid !== background);
    expect(await answeredBy(server.url)).toMatchObject({ status: 200, pid: survivor });
    const replaced = await waitFor(() => {
      const now = workerPids(server.child.pid!);
      return now.length === 2 && !now.includes(background) ? now : null;
    }, 60_000, 'a replacement worker');
    const replacement = replaced.find((pid) => !before.includes(pid));
    const since = Date.now();
    // A kill that landed inside a run leaves that run's lease to expire first (30 s, jobs/scheduler.ts).
    const after = await waitFor(async () => {
      const found = await jobRunPids(admin, since);
      return found.runs.length >= 2 ? found : null;
    }, 45_000, 'job runs after the replacement');
    expect([...after.pids]).toEqual([replacement]);
  }, 150_000);

  test('SIGHUP under a steady stream of requests: every worker replaced, every request answered 200', async () => {
    const before = workerPids(server.child.pid!);
    const logged = server.output().length;
    const statuses: (number | string)[] = [];
    let streaming = true;
    const stream = async () => {
      while (streaming) {
        try {
          const res = await fetch(`${server.url}/store/products?limit=1`);
          const body = await res.text();
          statuses.push(res.status === 200 ? 200 : `${res.status} ${body}`);
        } catch (error) {
          statuses.push(String((error as Error).cause ?? error));
        }
      }
    };
    const streams = Array.from({ length: 4 }, stream);
    await waitFor(() => statuses.length >= 20, 10_000, 'requests flowing');
    server.child.kill('SIGHUP');
    const after = await waitFor(() => {
      const now = workerPids(server.child.pid!);
      return now.length === 2 && now.every((pid) => !before.includes(pid)) ? now : null;
    }, 90_000, 'both workers replaced');
    const counted = statuses.length;
    await waitFor(() => statuses.length >= counted + 20, 10_000, 'requests answered by the new workers');
    streaming = false;
    await Promise.all(streams);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(statuses.length).toBeGreaterThan(60);
    expect(after).toHaveLength(2);
    expect(server.output().slice(logged)).not.toContain('worker died');
  }, 120_000);
});

describe('on the embedded database', () => {
  test.each([
    [['--workers', '2'], {}, '--workers 2'],
    [[], { WORKERS: '3' }, 'WORKERS=3'],
  ])('start %j %j is refused: one process holds the database', async (args, env, asked) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartwright-workers-'));
    try {
      const { code, stderr } = await runCli(['start', ...args], { DATABASE_URL: '', DATA_DIR: dataDir, ...env });
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(`configuration error: ${asked} needs a PostgreSQL server (DATABASE_URL): the embedded database is opened by one process only`);
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
