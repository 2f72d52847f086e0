import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import type { RequestSpec } from 'autocannon';

/** Shared pieces of the benchmarks: child processes to measure, load runs, one JSON line per figure. */

export const root = path.resolve(import.meta.dirname, '..');
export const seconds = Number(process.env.BENCH_SECONDS ?? 10);
export const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

export interface Child {
  process: ChildProcess;
  url: string;
  /** Peak resident memory so far, in MB (VmHWM). */
  peakRssMb(): number;
  /** Resident memory now, in MB (VmRSS), of the process and its children (workers). */
  rssMb(): number;
  /** CPU time used so far (user + system) by the process and its children (workers), in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Starts a node process running `args` and waits for `ready` to answer. */
export async function startChild(args: string[], env: Record<string, string>, ready: (output: string) => string | null): Promise<Child> {
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") go to every measured process.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  // BENCH_SERVER_LOG=file keeps what the measured processes print.
  if (process.env.BENCH_SERVER_LOG) {
    const log = fs.createWriteStream(process.env.BENCH_SERVER_LOG, { flags: 'a' });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
  }
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const found = ready(output);
      if (found) {
        clearInterval(timer);
        resolve(found);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`process exited:\n${output}`));
      }
    }, 100);
  });
  return {
    process: child,
    url,
    peakRssMb: () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024);
    },
    rssMb: () => Math.round([child.pid!, ...childPids(child.pid!)].reduce((sum, pid) => sum + statusKb(pid, 'VmRSS'), 0) / 1024),
    cpuMs: () => [child.pid!, ...childPids(child.pid!)].reduce((sum, pid) => sum + processCpuMs(pid), 0),
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(); // ended already (a drill killed it)
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

function statusKb(pid: number, field: string): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)![1]);
}

const TICK_MS = 10; // Linux reports CPU time in clock ticks of 1/100 s

function processCpuMs(pid: number): number {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** The running children of a process (a primary's workers). */
function childPids(pid: number): number[] {
  return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
}

/** CPU time used so far by this machine's PostgreSQL server processes (a local server only), in ms. */
export function postgresCpuMs(): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += processCpuMs(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

export function runNode(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

export interface LoadFigures {
  requests_per_sec: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  non_2xx: number;
  /** With `measure(…, server)`: the measured process's CPU (user and system) per answer, in µs. */
  server_cpu_us_per_request?: number;
  /** With `measure(…, server)`: the load generator's (this process's) CPU per answer, in µs. */
  client_cpu_us_per_request?: number;
}

/**
 * Runs autocannon against `url` and returns its headline figures; with `server`, also that process's CPU
 * per answer and the load generator's (they share the machine's two cores: the server's own CPU says
 * what our code costs, and two runs compare only if the load generator's cost the same).
 */
export async function load(url: string, requests: RequestSpec[] | undefined, opts: { duration?: number; connections?: number; server?: Child } = {}): Promise<LoadFigures> {
  const cpuBefore = opts.server?.cpuMs() ?? 0;
  const clientBefore = process.cpuUsage();
  const result = await autocannon({ url, connections: opts.connections ?? connections, duration: opts.duration ?? seconds, requests });
  const client = process.cpuUsage(clientBefore);
  return {
    requests_per_sec: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non_2xx: result.non2xx,
    ...(opts.server ? {
      server_cpu_us_per_request: Math.round((1000 * (opts.server.cpuMs() - cpuBefore)) / result.requests.total),
      client_cpu_us_per_request: Math.round((client.user + client.system) / result.requests.total),
    } : {}),
  };
}

/** What the bench's requests accept, as browsers send it. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** Requests cycling through `paths`, sent as browsers and storefront servers send them: accepting gzip. */
export function rotate(paths: string[]): RequestSpec[] {
  let i = 0;
  return [{
    method: 'GET',
    headers: { 'accept-encoding': ACCEPT_ENCODING },
    setupRequest: (req: RequestSpec) => ({ ...req, path: paths[i++ % paths.length] }),
  }];
}

/** Every benchmark's shop signs its owner in with these (set on whichever start comes first). */
export const BENCH_ADMIN = { email: 'bench@cartwright.local', password: 'bench-password-1234' };

const METRICS_TOKEN = 'bench-metrics-token';

/**
 * Starts `cartwright start` on the benchmark's database (no demo seeding: `seed` ran before), with
 * its metrics on, as an operator runs it, so a bench can count the statements it ran: one process
 * unless `env` sets WORKERS (bench/workers.ts).
 */
export function startShop(env: Record<string, string>): Promise<Child> {
  return startChild(['bin/cartwright.js', 'start'], {
    WORKERS: '1', ...env, PORT: '0', LOG_LEVEL: 'warn', SEED_DEMO: 'false', ADMIN_EMAIL: BENCH_ADMIN.email, ADMIN_PASSWORD: BENCH_ADMIN.password, METRICS_TOKEN,
  }, (output) => /Store API {3}(\S+)\/store\/products/.exec(output)?.[1] ?? null);
}

/** Database statements a shop's process has run so far (its /metrics). */
export async function statementsRun(shop: Child): Promise<number> {
  return (await databaseWork(shop)).statements;
}

/** The statements the shop's database ran so far, and the round trips that carried them (its /metrics). */
export async function databaseWork(shop: Child): Promise<{ statements: number; roundTrips: number }> {
  const text = await (await fetch(`${shop.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  return {
    statements: Number(/^cartwright_db_statements_total (\d+)$/m.exec(text)![1]),
    roundTrips: Number(/^cartwright_db_statement_duration_seconds_count (\d+)$/m.exec(text)![1]),
  };
}

/** Starts the bare Fastify server of bench/ceiling-server.ts. */
export function startCeiling(env: Record<string, string> = {}): Promise<Child> {
  return startChild(['--import', 'tsx', 'bench/ceiling-server.ts'], { PORT: '0', ...env }, (out) => /^(http\S+)/m.exec(out)?.[1] ?? null);
}

/** Measures after a short warm-up. */
export async function measure(url: string, requests: RequestSpec[], server?: Child): Promise<LoadFigures> {
  await load(url, requests, { duration: 2 });
  return load(url, requests, { server });
}

export function report(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
