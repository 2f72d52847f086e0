import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { SingleBar, Presets } from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { currentDataKeyId } from '../crypto/data-encryption.ts';
import { loadDataKeys } from '../crypto/key-file.ts';
import { rotateDataKey } from '../crypto/rotate-key.ts';
import { openDatabase, type DatabaseHandle } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { databaseTarget } from '../db/target.ts';
import { seedDemoSelling } from '../demo/demo-selling.ts';
import { DEMO_PRODUCTS, seedDemoCatalog } from '../demo/seed.ts';
import { AppError } from '../errors.ts';
import { banner, exitWhenDatabaseLost, startShop, stopOnSignals } from '../main.ts';
import { exportProductsCsv, importProductsCsv } from '../modules/catalog/product-csv.ts';
import { createAdminUser, generatePassword } from '../modules/users/admin-users.ts';

/** `cartwright <command>`: every command reads the same configuration (environment, docs/configuration.md). */

async function withDatabase<T>(config: Config, fn: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  loadDataKeys(config);
  const database = await openDatabase(databaseTarget(config));
  try {
    await migrateToLatest(database.db);
    return await fn(database);
  } finally {
    await database.close();
  }
}

function positiveInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a positive whole number');
  return Number(value);
}

const program = new Command('cartwright').description('Cartwright headless commerce engine').showHelpAfterError();

program.command('start').description('start the shop server (migrates, and sets up the shop on its first start)').action(async () => {
  const config = loadConfig();
  const shop = await startShop(config);
  process.stdout.write(banner(shop, config));
  stopOnSignals(shop, (message) => shop.app.log.info(message));
  exitWhenDatabaseLost(shop);
});

program.command('migrate').description('apply pending database migrations').action(async () => {
  const applied = await withDatabase(loadConfig(), (database) => migrateToLatest(database.db));
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
});

program.command('seed').description('load the demo catalog, regions, shipping and stock (idempotent: adds only what is missing)')
  .option('--products <n>', 'how many demo products', positiveInt, 60)
  .action(async ({ products }: { products: number }) => {
    const bar = new SingleBar({ format: 'seeding [{bar}] {value}/{total} products | {eta_formatted} left', hideCursor: true }, Presets.shades_classic);
    const created = await withDatabase(loadConfig(), async (database) => {
      if (process.stdout.isTTY) bar.start(products, 0);
      try {
        const created = await seedDemoCatalog(database.db, { products, onProgress: (done) => bar.update(done) });
        await seedDemoSelling(database.db, { stockProducts: DEMO_PRODUCTS });
        return created;
      } finally {
        bar.stop();
      }
    });
    console.log(`${created} products created (${products - created} were there already)`);
  });

program.command('create-admin').description('create an admin user (prints a generated password unless --password is given)')
  .requiredOption('--email <email>', 'sign-in email')
  .option('--password <password>', 'at least 10 characters')
  .option('--name <name>', 'display name')
  .option('--role <role>', 'role', 'owner')
  .action(async (opts: { email: string; password?: string; name?: string; role: string }) => {
    const password = opts.password ?? generatePassword();
    const user = await withDatabase(loadConfig(), (database) =>
      createAdminUser(database.db, { email: opts.email, password, name: opts.name, role: opts.role }));
    console.log(`created ${user.role} ${user.email} (${user.id})${opts.password ? '' : `\npassword: ${password}`}`);
  });

program.command('import-products').description('import products from a CSV file (docs/csv-format.md): all or nothing')
  .argument('<file>', 'CSV file')
  .action(async (file: string) => {
    const text = fs.readFileSync(file, 'utf8');
    const ids = await withDatabase(loadConfig(), (database) => importProductsCsv(database.db, text));
    console.log(`imported ${ids.length} products`);
  });

program.command('export-products').description('export every product as CSV')
  .option('--output <file>', 'write to this file instead of standard output')
  .action(async ({ output }: { output?: string }) => {
    await withDatabase(loadConfig(), (database) =>
      pipeline(Readable.from(exportProductsCsv(database.db)), output ? fs.createWriteStream(output) : process.stdout));
  });

program.command('rotate-key').description('re-encrypt personal data with the current data key (the first in CARTWRIGHT_DATA_KEY)')
  .action(async () => {
    const config = loadConfig();
    const counts = await withDatabase(config, (database) => rotateDataKey(database.db, currentDataKeyId()));
    console.log(Object.entries(counts).map(([table, n]) => `${table}: ${n} rows re-encrypted`).join('\n'));
  });

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`configuration error: ${error.message}`);
  } else if (error instanceof AppError) {
    console.error(`${error.code}: ${error.message}`);
    const problems = (error.details.errors as { row: number; column: string; message: string }[] | undefined) ?? [];
    for (const p of problems) console.error(`  row ${p.row}, column ${p.column || '-'}: ${p.message}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
}
