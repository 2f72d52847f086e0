import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, onServer } from './test-database.ts';
import { TEST_DATA_KEY, type TestShop } from './test-shop.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/cartwright.js');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}

/**
 * A database of its own for `cartwright start` processes: a PostgreSQL database on the server run,
 * else an embedded data directory. `env` points a process at it, `target` the test's own handle.
 */
export async function processDatabase(name: string): Promise<{
  env: Record<string, string>; target: { databaseUrl: string } | { dataDir: string }; close(): Promise<void>;
}> {
  if (onServer) {
    const database = await createTestDatabase();
    return { env: { DATABASE_URL: database.url! }, target: { databaseUrl: database.url! }, close: () => database.close() };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `cartwright-${name}-`));
  return { env: { DATA_DIR: dataDir }, target: { dataDir }, close: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

/** Runs `cartwright <args>` to completion. */
export function runCli(args: string[], env: Record<string, string>, input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', CARTWRIGHT_DATA_KEY: TEST_DATA_KEY, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    if (input !== undefined) child.stdin.end(input);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `cartwright start` on a free port and waits until it answers /health: one process unless
 * `env` or `args` ask for workers (the default on PostgreSQL is one per CPU).
 */
export async function startServerProcess(env: Record<string, string>, args: string[] = []): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [bin, 'start', ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), CARTWRIGHT_DATA_KEY: TEST_DATA_KEY, WORKERS: '1', ...env },
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
  };
}

/**
 * The test shop served over HTTP for tests of real concurrency: on PostgreSQL three `cartwright start`
 * processes on its database; embedded (one process per data directory), the test shop itself listening.
 */
export async function serveShop(shop: TestShop): Promise<{ urls: string[]; stop(): Promise<void> }> {
  if (!onServer) {
    return { urls: [await shop.app.listen({ port: 0, host: '127.0.0.1' })], stop: async () => {} };
  }
  const servers = await Promise.all([1, 2, 3].map(() => startServerProcess({ DATABASE_URL: shop.database.url!, SEED_DEMO: 'false', SWEEP_INTERVAL_MS: '0' })));
  return { urls: servers.map((s) => s.url), stop: async () => void (await Promise.all(servers.map((s) => s.stop()))) };
}

/** A JSON request to a served shop: its status and parsed body. */
export async function callJson(url: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(url + path, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, body: await res.json() };
}
