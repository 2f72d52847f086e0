import { sql, type RawBuilder } from 'kysely';

/** `ms` milliseconds as a PostgreSQL interval, for `now() + …` in leases and schedules (the database's clock decides). */
export function millis(ms: number): RawBuilder<unknown> {
  return sql`(${ms}::double precision * interval '1 millisecond')`;
}
