import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from './connection.ts';
import { createTestDatabase, onServer, type TestDatabase } from '../../test/helpers/test-database.ts';
import { createProducts } from '../modules/catalog/products.ts';
import { queryProducts } from '../modules/catalog/product-query.ts';
import { migrations } from './migrations/index.ts';

/**
 * The embedded database and a PostgreSQL server must behave as one: same migrations, same schema, same
 * answers to the same queries. Each run holds the databases it has to answers written down here; with
 * TEST_DATABASE_URL set (CI's second run) the server is checked too, and the two schemas compared.
 */
let embedded: DatabaseHandle;
let server: TestDatabase | undefined;

beforeAll(async () => {
  const template = inject('pgliteTemplate');
  embedded = template
    ? await openDatabase({ kind: 'embedded', memory: true, loadDataDir: new Blob([fs.readFileSync(template)]) })
    : await openDatabase({ kind: 'embedded', memory: true });
  if (!template) {
    const { migrateToLatest } = await import('./migrate.ts');
    await migrateToLatest(embedded.db);
  }
  if (onServer) server = await createTestDatabase();
});
afterAll(async () => {
  await embedded?.close();
  await server?.close();
});

const handles = () => [embedded, ...(server ? [server.handle] : [])];

async function schemaOf(handle: DatabaseHandle) {
  const columns = await sql<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }>`
    select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns
    where table_schema = 'public' order by table_name, column_name`.execute(handle.db);
  const constraints = await sql<{ conname: string; def: string }>`
    select conname, pg_get_constraintdef(c.oid) as def from pg_constraint c
    join pg_namespace n on n.oid = c.connamespace
    where n.nspname = 'public' and c.contype <> 'n' -- PostgreSQL 18 (PGlite) also lists NOT NULL here; 15 does not
    order by conname`.execute(handle.db);
  const indexes = await sql<{ indexname: string; indexdef: string }>`
    select indexname, indexdef from pg_indexes where schemaname = 'public' order by indexname`.execute(handle.db);
  return { columns: columns.rows, constraints: constraints.rows, indexes: indexes.rows };
}

test('every migration is applied, in order, on each database', async () => {
  for (const handle of handles()) {
    const applied = await handle.db.selectFrom('kysely_migration' as never).select('name' as never).orderBy('name' as never).execute();
    expect(applied.map((r: any) => r.name)).toEqual(Object.keys(migrations));
  }
});

test.skipIf(!onServer)('the migrations build the identical schema on both', async () => {
  const [a, b] = await Promise.all(handles().map(schemaOf));
  expect(a.columns.length).toBeGreaterThan(50);
  expect(b).toEqual(a);
});

test('the same writes and catalog queries give the same answers', async () => {
  const inputs = [
    { title: 'Zebra Hoodie', handle: 'zebra-hoodie', status: 'published' as const, tags: ['warm'], description: 'cosy',
      options: [{ title: 'Size', values: ['S', 'M'] }],
      variants: [{ sku: 'ZH-S', options: { Size: 'S' }, prices: [{ currency_code: 'USD', amount: 4500 }] }, { sku: 'ZH-M', options: { Size: 'M' }, prices: [{ currency_code: 'USD', amount: 4700 }] }] },
    { title: 'apple mug', handle: 'apple-mug', status: 'published' as const, tags: ['kitchen'], description: 'hoodie-free mug',
      variants: [{ sku: 'AM', prices: [{ currency_code: 'USD', amount: 1200 }, { currency_code: 'EUR', amount: 1100 }] }] },
    { title: 'Éclair Tee', handle: 'eclair-tee', status: 'published' as const, variants: [{ sku: 'ET', prices: [{ currency_code: 'USD', amount: 2000 }] }] },
    { title: 'Draft Thing', handle: 'draft-thing', variants: [{ sku: 'DT', prices: [{ currency_code: 'USD', amount: 1 }] }] },
  ];
  // Worked out from the inputs, not recorded from a run: each database is held to the same answers, so
  // the embedded run checks its half even when no server is there to compare with.
  const zebra = { handle: 'zebra-hoodie', variants: [
    { sku: 'ZH-S', options: { Size: 'S' }, prices: [{ currency_code: 'USD', amount: 4500 }] },
    { sku: 'ZH-M', options: { Size: 'M' }, prices: [{ currency_code: 'USD', amount: 4700 }] },
  ] };
  const apple = { handle: 'apple-mug', variants: [{ sku: 'AM', options: {}, prices: [{ currency_code: 'EUR', amount: 1100 }, { currency_code: 'USD', amount: 1200 }] }] };
  const eclair = { handle: 'eclair-tee', variants: [{ sku: 'ET', options: {}, prices: [{ currency_code: 'USD', amount: 2000 }] }] };
  const expected = {
    title: [apple, eclair, zebra], // case and accents aside
    price: [zebra, eclair, apple], // by lowest USD price, highest first
    search: [zebra, apple], // "hood" in the title ranks above "hoodie" in the description
    eur: [apple],
    all: ['apple-mug', 'draft-thing', 'eclair-tee', 'zebra-hoodie'],
  };
  for (const handle of handles()) {
    await createProducts(handle.db, inputs);
    const strip = (page: Awaited<ReturnType<typeof queryProducts>>) => page.products.map((p) => ({
      handle: p.handle, variants: p.variants.map((v) => ({ sku: v.sku, options: v.options, prices: v.prices })),
    }));
    const published = { statuses: ['published'] };
    expect({
      title: strip(await queryProducts(handle.db, published, { sort: 'title', limit: 10 })),
      price: strip(await queryProducts(handle.db, { ...published, currency_code: 'USD' }, { sort: '-price', limit: 10 })),
      search: strip(await queryProducts(handle.db, { ...published, q: 'hood' }, { limit: 10 })),
      eur: strip(await queryProducts(handle.db, { ...published, currency_code: 'EUR' }, { limit: 10 })),
      all: (await queryProducts(handle.db, {}, { sort: 'title', limit: 10 })).products.map((p) => p.handle),
    }, handle.kind).toEqual(expected);
  }
});
