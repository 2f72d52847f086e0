import type { ColumnType } from 'kysely';

/** A timestamptz column with a database default: read as Date, optional on insert. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** A nullable timestamptz column. */
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A timestamptz column that must be given on insert. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A jsonb column: parsed on read, written as a JSON string (both drivers accept that unchanged). */
export type Json<T> = ColumnType<T, string, string>;
/** A jsonb column with a database default (`'{}'`, `'[]'`): optional on insert. */
export type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;
/** A nullable jsonb column, likewise. */
export type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;
/** A column the database fills (identity, generated) and we never write. */
export type ReadOnly<T> = ColumnType<T, never, never>;
