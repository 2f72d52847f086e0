import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { getPublishedProducts, sellableProducts } from '../catalog/product-query.ts';
import type { Product } from '../catalog/shapes.ts';
import { CONSUMABLE_TAG, rankRecommendations, type ScoreIncrement, type Seed } from './recommender-core.ts';

/** Co-purchases read per product: more than a page, so refusals (sold out, unpublished) leave enough. */
const PAIRS_PER_SEED = 50;
/** A customer's recommendations start from their most recent purchases, up to this many products. */
const HISTORY_SEEDS = 20;
/** The most popular products read for the fallback: a few pages' worth, as some may be refused. */
const POPULAR_FALLBACK = 30;

/**
 * The recommendation reads: a few indexed reads of the score tables (written by
 * recommendation-scores.ts), ranked by the shared core, then only the products the storefront can
 * sell now (published, in stock), built like any product list.
 */
export async function recommendForProduct(db: Db, idOrHandle: string, limit: number): Promise<Product[]> {
  const product = await db.selectFrom('product').select('id')
    .where((eb) => eb.or([eb('id', '=', idOrHandle), eb('handle', '=', idOrHandle)])).where('status', '=', 'published').executeTakeFirst();
  if (!product) throw new AppError('product_not_found', { id_or_handle: idOrHandle });
  return recommend(db, { seedIds: [product.id], exclude: new Set([product.id]), bought: [], limit });
}

/**
 * For a signed-in customer, from what they bought (orders placed and not canceled): never what they
 * already have, except products tagged `consumable`, which run out and are bought again.
 */
export async function recommendForCustomer(db: Db, customerId: string, limit: number): Promise<Product[]> {
  const { rows } = await sql<{ product_id: string }>`
    select l.product_id from orders o join order_line_item l on l.order_id = o.id
    where o.customer_id = ${customerId} and o.placed_at is not null and o.status <> 'canceled'
    group by l.product_id order by max(o.placed_at) desc, l.product_id`.execute(db);
  const bought = rows.map((r) => r.product_id);
  return recommend(db, { seedIds: bought.slice(0, HISTORY_SEEDS), exclude: null, bought, limit });
}

async function recommend(db: Db, input: { seedIds: string[]; exclude: Set<string> | null; bought: string[]; limit: number }): Promise<Product[]> {
  const [pairs, popularity, popular] = await Promise.all([
    input.seedIds.length ? sql<{ seed_id: string; product_id: string; score: number }>`
      select s.id as seed_id, p.other_product_id as product_id, p.score
      from unnest(${input.seedIds}::text[]) s(id)
      cross join lateral (
        select other_product_id, score from recommendation_pair where product_id = s.id order by score desc limit ${PAIRS_PER_SEED}
      ) p`.execute(db).then((r) => r.rows) : [],
    input.seedIds.length
      ? db.selectFrom('recommendation_popularity').select(['product_id', 'score']).where('product_id', 'in', input.seedIds).execute()
      : [],
    db.selectFrom('recommendation_popularity').select(['product_id', 'score']).orderBy('score', 'desc').orderBy('product_id').limit(POPULAR_FALLBACK).execute(),
  ]);
  const seedPopularity = new Map(popularity.map((p) => [p.product_id, p.score]));
  const seeds: Seed[] = input.seedIds.map((id) => ({
    popularity: seedPopularity.get(id) ?? 0,
    pairs: pairs.filter((p) => p.seed_id === id).map((p): ScoreIncrement => ({ product_id: p.product_id, score: p.score })),
  }));
  const sellable = await sellableProducts(db, [...new Set([...pairs.map((p) => p.product_id), ...popular.map((p) => p.product_id), ...input.bought])]);
  const exclude = input.exclude ?? new Set(input.bought.filter((id) => !sellable.get(id)?.tags.includes(CONSUMABLE_TAG)));
  const ids = rankRecommendations({ seeds, exclude, popular, accept: (id) => sellable.has(id), limit: input.limit });
  return getPublishedProducts(db, ids);
}
