import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { StoreResponseCache } from '../modules/catalog/store-cache.ts';
import type { PaymentProviders } from '../modules/payments/providers.ts';
import type { Carriers } from '../modules/shipping/carriers.ts';

/** What route plugins receive: the database and settings, passed explicitly rather than decorated. */
export interface AppContext {
  db: Db;
  /**
   * Read-only Store reads (catalog, regions, recommendations for a product, provenance): a replica
   * when DATABASE_READ_URL is set, else `db`. Never for writes, transactions that write, or reads that
   * must see the caller's own writes (carts, checkout, customer accounts, admin): those use `db`.
   */
  readDb: Db;
  config: Config;
  storeCache: StoreResponseCache;
  paymentProviders: PaymentProviders;
  carriers: Carriers;
}
