import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { getPublishedProducts, sellabilityColumns } from '../catalog/product-query.ts';
import type { Product } from '../catalog/shapes.ts';
import { CONSUMABLE_TAG, rankRecommendations, type ScoreIncrement, type Seed } from './recommender-core.ts';

/** Co-purchases read per product: more than a page, so refusals (sold out, unpublished) leave enough. */
const PAIRS_PER_SEED = 50;
/** A customer's recommendations start from their most recent purchases, up to this many products. */
const HISTORY_SEEDS = 20;
/** The most popular products read for the fallback: a few pages' worth, as some may be refused. */
const POPULAR_FALLBACK = 30;

/**
 * The recommended products, and `watched`: the candidates whose being sellable decided the answer
 * (those shown, and those refused before the list was full: one coming back in stock would enter
 * it) with their variants, so a cache of the answer drops it when their stock moves. Candidates
 * ranked after the last one shown could not change a full list: their sales leave it cached.
 */
export interface Recommended {
  products: Product[];
  watched: string[];
}

/**
 * The recommendation reads, in two statements: the scores (indexed reads of the tables
 * recommendation-scores.ts writes, with the customer's history) with whether each candidate can be
 * sold now (published, in stock), then the chosen products, built like any product list. The ranking
 * between is the shared core's.
 */
export async function recommendForProduct(db: Db, idOrHandle: string, limit: number): Promise<Recommended> {
  const scores = await readScores(db, sql`select id from product where (id = ${idOrHandle} or handle = ${idOrHandle}) and status = 'published' limit 1`);
  if (!scores.seeds.length) throw new AppError('product_not_found', { id_or_handle: idOrHandle });
  return recommend(db, { scores, exclude: new Set(scores.seeds.map((s) => s.id)), limit });
}

/**
 * For a signed-in customer, from what they bought (orders placed and not canceled): never what they
 * already have, except products tagged `consumable`, which run out and are bought again.
 */
export async function recommendForCustomer(db: Db, customerId: string, limit: number): Promise<Recommended> {
  const scores = await readScores(db, sql`select product_id as id from bought order by placed_at desc, product_id limit ${HISTORY_SEEDS}`, sql`
    select l.product_id, max(o.placed_at) as placed_at from orders o join order_line_item l on l.order_id = o.id
    where o.customer_id = ${customerId} and o.placed_at is not null and o.status <> 'canceled'
    group by l.product_id`);
  return recommend(db, { scores, exclude: null, limit });
}

/**
 * The scores read, the products the customer bought (most recent first; none for a product's), and
 * what is known of each candidate: sellable now or not, its tags and variants.
 */
interface Scores {
  seeds: (Seed & { id: string })[];
  popular: ScoreIncrement[];
  bought: string[];
  candidates: Map<string, { sellable: boolean; tags: string[]; variant_ids: string[] }>;
}

/**
 * In one statement: each seed's popularity and best co-purchases, and the most popular products,
 * each candidate with its sellability (catalog's sellabilityColumns). `seedIds` is a query naming the
 * seeds (`id`): no seed, no rows for it. `history`, a query of the products a customer bought
 * (`product_id`, last `placed_at`), is read along as `bought` (which `seedIds` may select from).
 */
async function readScores(db: Db, seedIds: RawBuilder<unknown>, history?: RawBuilder<unknown>): Promise<Scores> {
  const { rows } = await sql<{
    kind: 'seed' | 'pair' | 'popular' | 'bought'; seed_id: string | null; product_id: string; score: number;
    sellable: boolean | null; tags: string[] | null; variant_ids: string[];
  }>`
    with ${history ? sql`bought as (${history}), ` : sql``}seed as (${seedIds}), scored as (
      select 'seed' as kind, s.id as seed_id, s.id as product_id, coalesce(r.score, 0) as score
      from seed s left join recommendation_popularity r on r.product_id = s.id
      union all
      select 'pair', s.id, p.other_product_id, p.score from seed s
      cross join lateral (
        select other_product_id, score from recommendation_pair where product_id = s.id order by score desc limit ${PAIRS_PER_SEED}
      ) p
      union all
      (select 'popular', null, product_id, score from recommendation_popularity order by score desc, product_id limit ${POPULAR_FALLBACK})
      ${history ? sql`union all select 'bought', null, product_id, row_number() over (order by placed_at desc, product_id) from bought` : sql``}
    )
    select c.kind, c.seed_id, c.product_id, c.score, ${sellabilityColumns}
    from scored c left join product p on p.id = c.product_id`.execute(db);
  const seeds = rows.filter((r) => r.kind === 'seed').map((r) => ({
    id: r.product_id, popularity: r.score,
    pairs: rows.filter((p) => p.kind === 'pair' && p.seed_id === r.product_id).map((p) => ({ product_id: p.product_id, score: p.score })),
  }));
  const byScore = (a: ScoreIncrement, b: ScoreIncrement) => b.score - a.score || (a.product_id < b.product_id ? -1 : 1);
  const popular = rows.filter((r) => r.kind === 'popular').map((r) => ({ product_id: r.product_id, score: r.score })).sort(byScore);
  const bought = rows.filter((r) => r.kind === 'bought').sort((a, b) => a.score - b.score).map((r) => r.product_id);
  const candidates = new Map(rows.map((r) => [r.product_id, { sellable: r.sellable === true, tags: r.tags ?? [], variant_ids: r.variant_ids }]));
  return { seeds, popular, bought, candidates };
}

async function recommend(db: Db, input: { scores: Scores; exclude: Set<string> | null; limit: number }): Promise<Recommended> {
  const { seeds, popular, bought, candidates } = input.scores;
  const sellable = (id: string) => candidates.get(id)?.sellable === true;
  const exclude = input.exclude ?? new Set(bought.filter((id) => !(sellable(id) && candidates.get(id)!.tags.includes(CONSUMABLE_TAG))));
  // The candidates asked about, in rank order until the list was full: the rest could not change it.
  const asked: string[] = [];
  const accept = (id: string) => {
    asked.push(id);
    return sellable(id);
  };
  const ids = rankRecommendations({ seeds, exclude, popular, accept, limit: input.limit });
  return { products: await getPublishedProducts(db, ids), watched: asked.flatMap((id) => [id, ...candidates.get(id)?.variant_ids ?? []]) };
}
