import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Config } from './config.ts';
import { loadDataKeys } from './crypto/key-file.ts';
import { relayChanges } from './db/changes.ts';
import { openDatabase, type DatabaseHandle } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { databaseTarget } from './db/target.ts';
import { setUpShopOnce, type FirstStart } from './first-start.ts';
import { buildApp } from './http/app.ts';
import { startBackgroundWork, type BackgroundWork } from './modules/jobs/background-work.ts';
import { builtInPaymentProviders } from './modules/payments/providers.ts';

export interface RunningShop {
  app: FastifyInstance;
  database: DatabaseHandle;
  url: string;
  firstStart: FirstStart | null;
  stop(): Promise<void>;
}

/** config → database (migrated, set up on first start) → app → listening. */
export async function startShop(config: Config): Promise<RunningShop> {
  loadDataKeys(config);
  const database = await openDatabase(databaseTarget(config));
  let background: BackgroundWork | undefined;
  try {
    await migrateToLatest(database.db);
    const firstStart = await setUpShopOnce(database.db, config);
    // PGlite runs no autovacuum: refresh the planner's statistics once per start instead.
    if (database.kind === 'embedded') await sql`analyze`.execute(database.db);
    const stopRelay = database.kind === 'postgres' ? await relayChanges(database) : async () => {};
    const paymentProviders = builtInPaymentProviders(config);
    const app = await buildApp({ db: database.db, config, paymentProviders });
    // Events, webhooks, the payment-webhook inbox and scheduled jobs, shared with the other processes.
    const work = (background = await startBackgroundWork({ db: database.db, config, providers: paymentProviders, log: app.log }));
    const address = await app.listen({ port: config.port, host: config.host });
    const url = config.publicUrl ?? address.replace('://[::1]', '://localhost');
    let stopping: Promise<void> | undefined;
    return {
      app,
      database,
      url,
      firstStart,
      // Stop accepting connections and claiming background work, let what is in flight finish, then
      // close the database.
      stop: () => (stopping ??= (async () => {
        await app.close();
        await work.stop();
        await stopRelay();
        await database.close();
      })()),
    };
  } catch (error) {
    await background?.stop().catch(() => {});
    await database.close().catch(() => {});
    throw error;
  }
}

export function banner(shop: RunningShop, config: Config): string {
  const where = config.databaseUrl ? 'PostgreSQL server' : `embedded database in ${config.dataDir}`;
  const lines = [
    '',
    `Cartwright is running on the ${where}`,
    `  Store API   ${shop.url}/store/products`,
    `  Admin API   ${shop.url}/admin  (sign in: POST ${shop.url}/admin/auth/login)`,
    `  API docs    ${shop.url}/docs`,
  ];
  if (shop.firstStart) {
    const { admin, demoProducts } = shop.firstStart;
    lines.push(`  Owner       ${admin.email}`);
    if (admin.password) lines.push(`  Password    ${admin.password}   (shown this once: keep it somewhere safe)`);
    if (demoProducts) lines.push(`  Demo data   ${demoProducts} products loaded`);
  }
  return `${lines.join('\n')}\n`;
}

/** Stops gracefully on SIGTERM/SIGINT; a second signal or a stuck shutdown forces the exit. */
export function stopOnSignals(shop: RunningShop, log: (message: string) => void): void {
  let signalled = false;
  const onSignal = (signal: string) => {
    if (signalled) process.exit(1);
    signalled = true;
    log(`${signal} received: finishing in-flight requests, then stopping`);
    setTimeout(() => process.exit(1), 15_000).unref();
    shop.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
}
