import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';
import { runCli } from './helpers/processes.ts';

let dir: string;
let env: Record<string, string>;
let database: TestDatabase | undefined;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartwright-cli-'));
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase();
    env = { DATABASE_URL: database.url! };
  } else {
    env = { DATA_DIR: path.join(dir, 'data') };
  }
});
afterAll(async () => {
  await database?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('migrate, seed, create-admin, export and import through the cartwright command', { timeout: 240_000 }, async () => {
  const migrate = await runCli(['migrate'], env);
  expect(migrate.stderr).toBe('');
  expect(migrate.code).toBe(0);
  expect(migrate.stdout).toMatch(/applied: 0001-foundation|the database is up to date/);
  expect((await runCli(['migrate'], env)).stdout.trim()).toBe('the database is up to date');

  const seed = await runCli(['seed', '--products', '12'], env);
  expect(seed.code).toBe(0);
  expect(seed.stdout.trim()).toBe('12 products created (0 were there already)');
  const more = await runCli(['seed', '--products', '15'], env);
  expect(more.stdout.trim()).toBe('3 products created (12 were there already)');

  const admin = await runCli(['create-admin', '--email', 'cli@example.com'], env);
  expect(admin.code).toBe(0);
  expect(admin.stdout).toMatch(/^created owner cli@example.com \(usr_\w+\)\npassword: \S{20}\n$/);
  const dup = await runCli(['create-admin', '--email', 'CLI@example.com', '--password', 'long enough pw'], env);
  expect(dup.code).toBe(1);
  expect(dup.stderr).toContain('admin_email_taken');

  const file = path.join(dir, 'products.csv');
  const exported = await runCli(['export-products', '--output', file], env);
  expect(exported.code).toBe(0);
  const csv = fs.readFileSync(file, 'utf8');
  expect(csv.split('\n')[0]).toBe('handle,title,description,status,tags,images,collection_handle,category_handles,tax_class,option1_name,option1_value,option2_name,option2_value,option3_name,option3_value,variant_title,variant_sku,variant_barcode,variant_weight_grams,variant_length_mm,variant_width_mm,variant_height_mm,price_eur,price_usd');
  expect(new Set(csv.trim().split('\n').slice(1).map((line) => line.split(',')[0])).size).toBe(15);

  // Re-importing the same products matches them by handle and changes nothing.
  const again = await runCli(['import-products', '--dry-run', file], env);
  expect(again.stderr).toBe('');
  expect(again.stdout.trim()).toBe('dry run, nothing written: would have created 0, updated 0, left 15 unchanged');
  const bad = path.join(dir, 'bad.csv');
  fs.writeFileSync(bad, 'handle,title,variant_sku,price_usd\nBad Handle,Bad,BAD-1,100\n');
  const refused = await runCli(['import-products', bad], env);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toBe('csv_invalid: The CSV file has problems; nothing was imported.\n  row 2, column handle: must be lower-case letters and digits, words joined by single dashes (summer-tee-2)\n');

  const fresh = path.join(dir, 'new.csv');
  fs.writeFileSync(fresh, 'handle,title,status,variant_sku,price_usd\ncli-poster,CLI Poster,published,POSTER-1,1500\n');
  const imported = await runCli(['import-products', fresh], env);
  expect(imported.stderr).toBe('');
  expect(imported.stdout.trim()).toBe('created 1, updated 0, left 0 unchanged');
});

test('bad arguments are refused with a message', async () => {
  const res = await runCli(['seed', '--products', 'lots'], env);
  expect(res.code).toBe(1);
  expect(res.stderr).toContain('must be a positive whole number');
});
