import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import { inTransaction } from './db/transaction.ts';
import { seedDemoSelling } from './demo/demo-selling.ts';
import { DEMO_PRODUCTS, seedDemoCatalog } from './demo/seed.ts';
import { createAdminUser, generatePassword } from './modules/users/admin-users.ts';

export interface FirstStart {
  /** The owner account's email and, when it was generated, its password (shown once, never stored). */
  admin: { email: string; password: string | null };
  demoProducts: number;
}

/**
 * On the very first start: records the shop, creates the owner account and loads the demo catalog,
 * all in one transaction, so a crash half-way leaves a database that the next start sets up again.
 * Returns null on every later start. Wiring, beside main.ts: it reaches into users and the demo data,
 * which no module should.
 */
export async function setUpShopOnce(db: Db, config: Config): Promise<FirstStart | null> {
  return inTransaction(db, async (tx) => {
    const inserted = await tx.insertInto('shop').values({ id: 'default', name: 'Cartwright Demo Shop' })
      .onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst();
    if (!inserted) return null;
    const email = config.adminEmail ?? 'admin@cartwright.local';
    const password = config.adminPassword ?? generatePassword();
    await createAdminUser(tx, { email, password, name: 'Owner', role: 'owner' });
    const demoProducts = config.seedDemo ? await seedDemoCatalog(tx, { products: DEMO_PRODUCTS }) : 0;
    if (config.seedDemo) await seedDemoSelling(tx, { stockProducts: DEMO_PRODUCTS });
    return { admin: { email, password: config.adminPassword ? null : password }, demoProducts };
  });
}
