import type { Kysely, Transaction } from 'kysely';

/**
 * All tables. Each module adds its own from its schema.ts (`declare module` merging into this
 * interface), so a module owns its tables and the database layer depends on none of them.
 */
export interface Database {}

/** A database handle a service runs on: the root connection or a transaction. */
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
