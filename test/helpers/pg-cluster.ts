import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './processes.ts';

/**
 * A PostgreSQL cluster of a test's or drill's own, on a free port under the temp directory: for what
 * the machine's shared server must not be put through (being stopped, restarted, replicated from).
 * Made with the server's own tools (initdb, pg_ctl, pg_basebackup), run as the `postgres` user when
 * we are root (PostgreSQL refuses to run as root).
 */
export interface PgCluster {
  port: number;
  dataDir: string;
  url(database?: string): string;
  start(): void;
  /** `fast` disconnects clients and shuts down cleanly; `immediate` is a crash (recovery on the next start). */
  stop(mode?: 'fast' | 'immediate'): void;
  /** Stops the cluster and deletes its files. */
  destroy(): void;
}

const binDir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
const asRoot = process.getuid?.() === 0;

function run(tool: string, args: string[]): string {
  const bin = path.join(binDir, tool);
  return asRoot
    ? execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { encoding: 'utf8', stdio: 'pipe' })
    : execFileSync(bin, args, { encoding: 'utf8', stdio: 'pipe' });
}

function newDataDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cartwright-pg-${name}-`));
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  return dir;
}

function cluster(dataDir: string, port: number): PgCluster {
  const self: PgCluster = {
    port,
    dataDir,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: () => void run('pg_ctl', ['-D', dataDir, '-l', path.join(dataDir, 'server.log'), '-w', '-t', '60', 'start']),
    stop: (mode = 'fast') => void run('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '60', 'stop']),
    destroy() {
      try {
        self.stop('immediate');
      } catch {
        // already stopped
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}

/** Settings of a throwaway cluster: loopback only, its socket in its own directory, no fsync (tests, not durability). */
function configure(dataDir: string, port: number): void {
  fs.appendFileSync(path.join(dataDir, 'postgresql.auto.conf'), [
    `port = ${port}`, `listen_addresses = '127.0.0.1'`, `unix_socket_directories = '${dataDir}'`, 'fsync = off', 'max_connections = 100',
  ].join('\n') + '\n');
}

/** A new, started cluster (trust authentication, replication allowed from loopback, as initdb sets it). */
export async function createPgCluster(name: string): Promise<PgCluster> {
  const dataDir = newDataDir(name);
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
  const port = await freePort();
  configure(dataDir, port);
  const made = cluster(dataDir, port);
  made.start();
  return made;
}

/**
 * A streaming replica of `primary`, started: a base backup taken over the replication protocol, with
 * `-R` writing the standby settings that make it follow the primary's WAL.
 */
export async function createPgReplica(primary: PgCluster, name: string): Promise<PgCluster> {
  const dataDir = newDataDir(name);
  run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', dataDir, '-R', '-X', 'stream', '--no-sync']);
  const port = await freePort();
  configure(dataDir, port);
  const made = cluster(dataDir, port);
  made.start();
  return made;
}

/** One statement on a cluster's `postgres` database, over a connection of its own. */
export async function queryCluster<T extends pg.QueryResultRow>(cluster: PgCluster, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster.url() });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Stops a replica applying the WAL it receives, for as long as a test needs: a lag that does not
 * depend on timing. Once paused, nothing written on the primary from then on is visible there.
 */
export async function pauseReplay(replica: PgCluster): Promise<void> {
  await queryCluster(replica, 'select pg_wal_replay_pause()');
}

export async function resumeReplay(replica: PgCluster): Promise<void> {
  await queryCluster(replica, 'select pg_wal_replay_resume()');
}

/** Waits until `replica` has replayed everything `primary` had written when this was called. */
export async function waitForReplay(primary: PgCluster, replica: PgCluster): Promise<void> {
  const [{ lsn }] = await queryCluster<{ lsn: string }>(primary, 'select pg_current_wal_lsn()::text as lsn');
  for (;;) {
    const [{ caught_up }] = await queryCluster<{ caught_up: boolean }>(replica, 'select pg_last_wal_replay_lsn() >= $1::pg_lsn as caught_up', [lsn]);
    if (caught_up) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
