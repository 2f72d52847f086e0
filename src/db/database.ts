import type { Kysely, Transaction } from 'kysely';
import type { CartTables } from '../modules/cart/schema.ts';
import type { CatalogTables } from '../modules/catalog/schema.ts';
import type { CustomersTables } from '../modules/customers/schema.ts';
import type { EventsTables } from '../modules/events/schema.ts';
import type { IdempotencyTables } from '../modules/idempotency/schema.ts';
import type { InventoryTables } from '../modules/inventory/schema.ts';
import type { JobsTables } from '../modules/jobs/schema.ts';
import type { NotificationsTables } from '../modules/notifications/schema.ts';
import type { OrdersTables } from '../modules/orders/schema.ts';
import type { PaymentsTables } from '../modules/payments/schema.ts';
import type { RegionsTables } from '../modules/regions/schema.ts';
import type { ShippingTables } from '../modules/shipping/schema.ts';
import type { ShopTables } from '../modules/shop/schema.ts';
import type { TaxTables } from '../modules/tax/schema.ts';
import type { UsersTables } from '../modules/users/schema.ts';
import type { WebhooksTables } from '../modules/webhooks/schema.ts';

/** All tables, each declared by the module that owns it. */
export interface Database
  extends CartTables, CatalogTables, CustomersTables, NotificationsTables, EventsTables, IdempotencyTables, InventoryTables, OrdersTables,
    PaymentsTables, RegionsTables, ShippingTables, ShopTables, TaxTables, UsersTables,
    JobsTables, WebhooksTables {}

/** A database handle a service runs on: the root connection or a transaction. */
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
