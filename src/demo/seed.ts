import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { createCategory } from '../modules/catalog/categories.ts';
import { createCollection } from '../modules/catalog/collections.ts';
import { analyzeCatalog, createProducts } from '../modules/catalog/products.ts';
import { demoCategories, demoCollections, demoProduct } from './demo-catalog.ts';

export const DEMO_PRODUCTS = 60;
const BATCH = 250;

/**
 * Makes sure the first `products` products of the demo catalog exist, with its collections and
 * categories. Idempotent: what exists (by handle) is left alone, so `seed --products 10000` after the
 * demo adds only the rest. Each batch commits on its own; `onProgress` hears how far it got.
 */
export async function seedDemoCatalog(db: Db, opts: { products: number; onProgress?: (done: number, total: number) => void }): Promise<number> {
  const ids = await inTransaction(db, async (tx) => {
    const collections = new Map((await tx.selectFrom('product_collection').select(['handle', 'id']).execute()).map((c) => [c.handle, c.id]));
    for (const collection of demoCollections) {
      if (!collections.has(collection.handle)) collections.set(collection.handle, (await createCollection(tx, collection)).id);
    }
    const categories = new Map((await tx.selectFrom('product_category').select(['handle', 'id']).execute()).map((c) => [c.handle, c.id]));
    for (const { parent, ...category } of demoCategories) {
      if (categories.has(category.handle)) continue;
      const created = await createCategory(tx, { ...category, parent_id: parent ? categories.get(parent) ?? null : null });
      categories.set(category.handle, created.id);
    }
    return { collections, categories };
  });

  let created = 0;
  for (let start = 0; start < opts.products; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, opts.products - start) }, (_, i) => demoProduct(start + i, ids));
    const existing = new Set((await db.selectFrom('product').select('handle')
      .where(sql<boolean>`handle = any(${batch.map((p) => p.handle!)}::text[])`).execute()).map((p) => p.handle));
    const missing = batch.filter((p) => !existing.has(p.handle!));
    if (missing.length) created += (await createProducts(db, missing)).length;
    opts.onProgress?.(start + batch.length, opts.products);
  }
  if (created) await analyzeCatalog(db);
  return created;
}
