import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { StoreResponseCache } from '../modules/catalog/store-cache.ts';
import type { PaymentProviders } from '../modules/payments/providers.ts';

/** What route plugins receive: the database and settings, passed explicitly rather than decorated. */
export interface AppContext {
  db: Db;
  config: Config;
  storeCache: StoreResponseCache;
  paymentProviders: PaymentProviders;
}
