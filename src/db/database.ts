import type { Kysely, Transaction } from 'kysely';
import type { CatalogTables } from '../modules/catalog/schema.ts';
import type { EventsTables } from '../modules/events/schema.ts';
import type { ShopTables } from '../modules/shop/schema.ts';
import type { UsersTables } from '../modules/users/schema.ts';

/** All tables, each declared by the module that owns it. */
export interface Database extends CatalogTables, EventsTables, ShopTables, UsersTables {}

/** A database handle a service runs on: the root connection or a transaction. */
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
