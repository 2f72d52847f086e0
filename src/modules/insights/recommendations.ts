import { sql, type RawBuilder } from 'kysely';
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
 * The recommendation reads, in three statements: the scores (indexed reads of the tables
 * recommendation-scores.ts writes), which candidates the storefront can sell now (published, in
 * stock), and the chosen products, built like any product list. The ranking between is the shared
 * core's.
 */
export async function recommendForProduct(db: Db, idOrHandle: string, limit: number): Promise<Product[]> {
  const scores = await readScores(db, sql`select id from product where (id = ${idOrHandle} or handle = ${idOrHandle}) and status = 'published' limit 1`);
  if (!scores.seeds.length) throw new AppError('product_not_found', { id_or_handle: idOrHandle });
  return recommend(db, { scores, exclude: new Set(scores.seeds.map((s) => s.id)), bought: [], limit });
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
  const scores = await readScores(db, sql`select unnest(${bought.slice(0, HISTORY_SEEDS)}::text[]) as id`);
  return recommend(db, { scores, exclude: null, bought, limit });
}

interface Scores { seeds: (Seed & { id: string })[]; popular: ScoreIncrement[] }

/**
 * In one statement: each seed's popularity and best co-purchases, and the most popular products.
 * `seedIds` is a query naming the seeds (`id`): no seed, no rows for it.
 */
async function readScores(db: Db, seedIds: RawBuilder<unknown>): Promise<Scores> {
  const { rows } = await sql<{ kind: 'seed' | 'pair' | 'popular'; seed_id: string | null; product_id: string; score: number }>`
    with seed as (${seedIds})
    select 'seed' as kind, s.id as seed_id, s.id as product_id, coalesce(r.score, 0) as score
    from seed s left join recommendation_popularity r on r.product_id = s.id
    union all
    select 'pair', s.id, p.other_product_id, p.score from seed s
    cross join lateral (
      select other_product_id, score from recommendation_pair where product_id = s.id order by score desc limit ${PAIRS_PER_SEED}
    ) p
    union all
    (select 'popular', null, product_id, score from recommendation_popularity order by score desc, product_id limit ${POPULAR_FALLBACK})`.execute(db);
  const seeds = rows.filter((r) => r.kind === 'seed').map((r) => ({
    id: r.product_id, popularity: r.score,
    pairs: rows.filter((p) => p.kind === 'pair' && p.seed_id === r.product_id).map((p) => ({ product_id: p.product_id, score: p.score })),
  }));
  const popular = rows.filter((r) => r.kind === 'popular').map((r) => ({ product_id: r.product_id, score: r.score }))
    .sort((a, b) => b.score - a.score || (a.product_id < b.product_id ? -1 : 1));
  return { seeds, popular };
}

async function recommend(db: Db, input: { scores: Scores; exclude: Set<string> | null; bought: string[]; limit: number }): Promise<Product[]> {
  const { seeds, popular } = input.scores;
  const candidates = [...seeds.flatMap((s) => s.pairs.map((p) => p.product_id)), ...popular.map((p) => p.product_id), ...input.bought];
  const sellable = await sellableProducts(db, [...new Set(candidates)]);
  const exclude = input.exclude ?? new Set(input.bought.filter((id) => !sellable.get(id)?.tags.includes(CONSUMABLE_TAG)));
  const ids = rankRecommendations({ seeds, exclude, popular, accept: (id) => sellable.has(id), limit: input.limit });
  return getPublishedProducts(db, ids);
}
