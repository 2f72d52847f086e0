import cluster from 'node:cluster';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { SingleBar, Presets } from 'cli-progress';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { currentDataKeyId } from '../crypto/data-encryption.ts';
import { loadDataKeys } from '../crypto/key-file.ts';
import { rotateDataKey } from '../crypto/rotate-key.ts';
import { openDatabase, type DatabaseHandle } from '../db/connection.ts';
import { migrateToLatest, pendingMigrations } from '../db/migrate.ts';
import { dumpServerDatabase, embeddedSnapshot, restoreDatabase } from '../db/backup.ts';
import { shopRunsOn } from '../db/data-dir-lock.ts';
import { askRunningShop } from '../control-socket.ts';
import { databaseTarget } from '../db/target.ts';
import { seedDemoSelling } from '../demo/demo-selling.ts';
import { DEMO_PRODUCTS, seedDemoCatalog } from '../demo/seed.ts';
import { AppError } from '../errors.ts';
import { banner, exitWhenDatabaseLost, startShop, stopOnSignals } from '../main.ts';
import { exportProductsCsv, importProductsCsv } from '../modules/catalog/product-csv.ts';
import { createAdminUser, generatePassword } from '../modules/users/admin-users.ts';
import { readAnchorFile } from '../modules/ledger/anchors.ts';
import { findMismatches } from '../modules/ledger/reconciliation.ts';
import { defaultKeyId } from '../modules/ledger/signing-key.ts';
import { verifyLedger } from '../modules/ledger/verify.ts';
import { runPrimary, runWorker, workerCount } from '../workers.ts';
import { createMcpServer } from '../modules/mcp/mcp-server.ts';
import { builtInPaymentProviders } from '../modules/payments/providers.ts';
import { authenticateApiKey } from '../modules/users/api-keys.ts';

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

program.command('start').description('start the shop server (migrates, and sets up the shop on its first start)')
  .option('--workers <n>', 'HTTP processes sharing the port (default: WORKERS, else the CPU count on PostgreSQL; 1 on the embedded database)', positiveInt)
  .action(async ({ workers }: { workers?: number }) => {
    const config = loadConfig();
    if (cluster.isWorker) return runWorker(config);
    const count = workerCount(config, workers);
    if (count > 1) return runPrimary(config, count);
    const shop = await startShop(config);
    process.stdout.write(banner(shop, config));
    stopOnSignals(shop, (message) => shop.app.log.info(message));
    exitWhenDatabaseLost(shop);
  });

program.command('migrate').description('apply pending database migrations')
  .option('--dry-run', 'print the pending migrations and their statements, apply nothing')
  .action(async ({ dryRun }: { dryRun?: boolean }) => {
    const config = loadConfig();
    if (dryRun) {
      loadDataKeys(config);
      const database = await openDatabase(databaseTarget(config));
      try {
        const pending = await pendingMigrations(database.db);
        if (!pending.length) console.log('the database is up to date: nothing would run');
        for (const { name, statements } of pending) console.log(`-- ${name}\n${statements.map((s) => `${s.trim()};`).join('\n')}\n`);
      } finally {
        await database.close();
      }
      return;
    }
    const applied = await withDatabase(config, (database) => migrateToLatest(database.db));
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
  });

program.command('backup').description('write a backup of the database while the shop runs (docs/operations.md)')
  .argument('[file]', 'where to write it (default: cartwright-<time>.tar.gz, or .dump for a PostgreSQL server)')
  .action(async (file: string | undefined) => {
    const config = loadConfig();
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const output = path.resolve(file ?? `cartwright-${stamp}.${config.databaseUrl ? 'dump' : 'tar.gz'}`);
    if (config.databaseUrl) {
      await dumpServerDatabase(config.databaseUrl, output);
    } else if (shopRunsOn(config.dataDir)) {
      await askRunningShop(config.dataDir, 'backup', fs.createWriteStream(output));
    } else {
      loadDataKeys(config);
      const database = await openDatabase(databaseTarget(config));
      try {
        fs.writeFileSync(output, Buffer.from(await (await embeddedSnapshot(database)).arrayBuffer()));
      } finally {
        await database.close();
      }
    }
    console.log(`backup written to ${output} (${Math.round(fs.statSync(output).size / 1024)} KB)`);
  });

program.command('restore').description('replace the database with a backup; stop the shop first (docs/operations.md)')
  .argument('<file>', 'a file written by cartwright backup')
  .action(async (file: string) => {
    const config = loadConfig();
    console.log(await restoreDatabase(databaseTarget(config), path.resolve(file)));
    // Personal data in the backup is encrypted with the data key, which a backup never holds.
    if (!config.dataKey && !fs.existsSync(path.join(config.dataDir, 'data.key'))) {
      console.log(`note: ${config.dataDir} has no data.key: copy the one from the shop the backup came from (or set CARTWRIGHT_DATA_KEY) before starting, or its personal data cannot be read`);
    }
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
  .option('--dry-run', 'check the file and say what would be created and updated; write nothing')
  .action(async (file: string, { dryRun }: { dryRun?: boolean }) => {
    const text = fs.readFileSync(file, 'utf8');
    // A bar on a terminal, for files large enough to take a while; nothing in pipes and logs.
    const bar = process.stderr.isTTY ? new SingleBar({ format: 'importing [{bar}] {value}/{total} products | {eta_formatted} left', hideCursor: true, stream: process.stderr }, Presets.shades_classic) : null;
    const result = await withDatabase(loadConfig(), (database) => importProductsCsv(database.db, text, {
      dryRun,
      onProgress: (done, total) => {
        if (!bar) return;
        if (!bar.isActive) bar.start(total, 0);
        bar.update(done);
      },
    }).finally(() => bar?.stop()));
    console.log(`${dryRun ? 'dry run, nothing written: would have ' : ''}created ${result.created}, updated ${result.updated}, left ${result.unchanged} unchanged`);
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

program.command('mcp').description('serve the MCP tools on stdin/stdout for a desktop agent, as the API key in CARTWRIGHT_API_KEY (docs/mcp.md)')
  .action(async () => {
    const config = loadConfig();
    const key = process.env.CARTWRIGHT_API_KEY ?? '';
    if (!key.startsWith('ck_')) throw new ConfigError('CARTWRIGHT_API_KEY must hold an API key (ck_…): create one in the admin app or with POST /admin/api-keys');
    await withDatabase(config, async ({ db }) => {
      if (!(await authenticateApiKey(db, key))) throw new AppError('unauthorized', {}, 'CARTWRIGHT_API_KEY is not a live API key (revoked or unknown)');
      // stdout carries the protocol: anything else goes to stderr.
      const server = createMcpServer({ db, config, paymentProviders: builtInPaymentProviders(config) }, () => authenticateApiKey(db, key), (error) => console.error(error));
      const ended = new Promise((resolve) => process.stdin.once('end', resolve));
      await server.connect(new StdioServerTransport());
      await ended;
      await server.close();
    });
  });

const ledger = program.command('ledger').description('the verifiable ledger (docs/ledger.md)');

/** `--trusted-key file.pem` or `--trusted-key key_id=file.pem`, repeatable. */
function trustedKey(value: string, keys: Map<string, string>): Map<string, string> {
  const match = /^([^=]+)=(.+)$/.exec(value);
  const file = match ? match[2] : value;
  if (!fs.existsSync(file)) throw new InvalidArgumentError(`no such file: ${file}`);
  const pem = fs.readFileSync(file, 'utf8');
  keys.set(match ? match[1] : defaultKeyId(pem), pem);
  return keys;
}

ledger.command('verify').description('recompute the chain, the blocks\' Merkle roots and signatures, and the anchored heads; exit 1 naming the first entry that does not match')
  .option('--anchor-file <file>', 'heads published by the file anchor (default: LEDGER_ANCHOR_FILE)')
  .option('--trusted-key <[key_id=]file>', 'a public key (PEM) held outside the database; repeat for rotated keys. Without one, the keys stored in the database are used', trustedKey, new Map<string, string>())
  .action(async (opts: { anchorFile?: string; trustedKey: Map<string, string> }) => {
    const config = loadConfig();
    const anchorFile = opts.anchorFile ?? config.ledgerAnchorFile;
    const anchors = anchorFile ? readAnchorFile(path.resolve(anchorFile)) : [];
    const result = await withDatabase(config, (database) => verifyLedger(database.db, { anchors, trustedKeys: opts.trustedKey.size ? opts.trustedKey : undefined }));
    if (!result.ok) {
      console.error(`ledger broken: ${result.problem.message}`);
      process.exitCode = 1;
      return;
    }
    console.log(`ledger intact: ${result.entries} entries, ${result.blocks} blocks, head ${result.head.seq} ${result.head.hash}`
      + `${anchorFile ? `, ${result.anchors_checked} anchored heads match (${anchorFile})` : ''}`);
  });

ledger.command('reconcile').description('compare the live order totals, payments and stock levels with the ledger; exit 1 listing the differences')
  .action(async () => {
    const found = await withDatabase(loadConfig(), (database) => findMismatches(database.db));
    for (const m of found) console.error(`${m.kind} of ${m.resource_id}: ledger ${m.ledger_value}, live ${m.live_value ?? 'missing'}`);
    if (found.length) process.exitCode = 1;
    else console.log('ledger and live tables agree');
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
