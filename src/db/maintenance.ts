import { sql } from 'kysely';
import type { Db } from './database.ts';

/**
 * What a PostgreSQL server's autovacuum does, for the embedded database, which has none: each table
 * whose rows changed enough since its last vacuum or analyze gets one, by autovacuum's default
 * thresholds (50 rows plus 20 % of the table dead, or 10 % changed). Without it the hot tables (stock
 * levels, carts, holds) fill with dead rows and the planner keeps the statistics of an empty shop, and
 * checkout slows down order after order.
 */
export async function vacuumChurnedTables(db: Db): Promise<{ vacuumed: string[]; analyzed: string[] } | { skipped: string }> {
  if (await autovacuumRuns(db)) return { skipped: 'the database server runs autovacuum' };
  const { rows } = await sql<{ table: string; vacuum: boolean; analyze: boolean }>`
    select relname as table,
      n_dead_tup > 50 + 0.2 * n_live_tup as vacuum,
      n_mod_since_analyze > 50 + 0.1 * n_live_tup as analyze
    from pg_stat_user_tables where schemaname = 'public'
    order by relname`.execute(db);
  const vacuumed: string[] = [];
  const analyzed: string[] = [];
  for (const row of rows) {
    if (row.vacuum) {
      await sql`vacuum (analyze) ${sql.table(row.table)}`.execute(db);
      vacuumed.push(row.table);
    } else if (row.analyze) {
      await sql`analyze ${sql.table(row.table)}`.execute(db);
      analyzed.push(row.table);
    }
  }
  return { vacuumed, analyzed };
}

/** A PostgreSQL server has an autovacuum launcher process; PGlite has no other process at all. */
async function autovacuumRuns(db: Db): Promise<boolean> {
  const { rows } = await sql<{ running: boolean }>`
    select exists (select 1 from pg_stat_activity where backend_type = 'autovacuum launcher') as running`.execute(db);
  return rows[0].running;
}
