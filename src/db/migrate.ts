import { Migrator, sql, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './database.ts';
import { migrations } from './migrations/index.ts';

function toKyselyMigrations(): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(migrations).map(([name, { statements }]) => [
      name,
      {
        async up(db) {
          for (const statement of statements) await sql.raw(statement).execute(db);
        },
      },
    ]),
  );
}

/**
 * Applies every pending migration in one transaction, under Kysely's migration lock (an advisory lock
 * on PostgreSQL), so several processes starting at once apply each migration exactly once.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  if (await upToDate(db)) return [];
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => toKyselyMigrations() },
  });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** One read instead of the migrator's lock and bookkeeping on every start, when nothing is pending. */
async function upToDate(db: Db): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const applied = new Set(rows.map((r) => r.name));
    return Object.keys(migrations).every((name) => applied.has(name));
  } catch {
    return false; // a new database: no migration table yet
  }
}

/** The migrations a database still lacks, in order, with their statements (`cartwright migrate --dry-run`). */
export async function pendingMigrations(db: Db): Promise<{ name: string; statements: string[] }[]> {
  let applied = new Set<string>();
  try {
    applied = new Set((await sql<{ name: string }>`select name from kysely_migration`.execute(db)).rows.map((r) => r.name));
  } catch {
    // a new database: every migration is pending
  }
  return Object.entries(migrations).filter(([name]) => !applied.has(name)).map(([name, { statements }]) => ({ name, statements }));
}
