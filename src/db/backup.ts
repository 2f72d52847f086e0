import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { DEFAULT_WATCHDOG, type DatabaseHandle, type DatabaseTarget } from './connection.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { DatabaseThread } from './database-thread.ts';

/**
 * Backups of either database (docs/operations.md): the embedded data directory as one gzipped
 * tarball, or a PostgreSQL server's database in pg_dump's custom format. Both are taken while the shop
 * runs and restored while it is stopped.
 */

/** The embedded database as a gzipped tarball, taken between transactions, after a checkpoint. */
export async function embeddedSnapshot(handle: DatabaseHandle): Promise<Blob> {
  const thread = handle.thread;
  if (!thread) throw new Error('not an embedded database');
  // Holding the one connection: no transaction is open while the files are read.
  return handle.db.connection().execute(async (connection) => {
    await sql`checkpoint`.execute(connection);
    return thread.dump('gzip');
  });
}

/** Runs pg_dump of the server database at `url` into `file`. */
export function dumpServerDatabase(url: string, file: string): Promise<void> {
  return run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${url}`]);
}

/**
 * Restores `file` into the target database, which no running shop may be using: a PostgreSQL server's
 * database is cleaned of the objects the backup holds and refilled (pg_restore); an embedded data
 * directory's database is set aside (`pglite.before-restore-<time>`, kept until you remove it) and
 * replaced. Returns what was done, in words.
 */
export async function restoreDatabase(target: DatabaseTarget, file: string): Promise<string> {
  if (!fs.existsSync(file)) throw new Error(`no backup file at ${file}`);
  if (target.kind === 'postgres') {
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${target.url}`, file]);
    return `restored ${file} into the PostgreSQL database`;
  }
  if (!('dataDir' in target)) throw new Error('an in-memory database has nothing to restore into');
  const unlock = lockDataDir(target.dataDir);
  try {
    const folder = path.join(target.dataDir, 'pglite');
    const setAside = fs.existsSync(folder) ? `${folder}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}` : null;
    if (setAside) fs.renameSync(folder, setAside);
    try {
      // PGlite unpacks the tarball into the empty folder and opens it: a backup it cannot open fails here.
      const thread = await DatabaseThread.start({ dataDir: target.dataDir, loadDataDir: new Blob([fs.readFileSync(file)]) }, DEFAULT_WATCHDOG);
      await thread.close(10_000);
    } catch (error) {
      fs.rmSync(folder, { recursive: true, force: true });
      if (setAside) fs.renameSync(setAside, folder);
      throw error;
    }
    return setAside ? `restored ${file}; the database it replaced is in ${setAside}` : `restored ${file}`;
  } finally {
    unlock();
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (error) => reject(new Error(`${command} could not run (${error.message}): install PostgreSQL's client tools`)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed (exit ${code}): ${stderr.trim()}`))));
  });
}
