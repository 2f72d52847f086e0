import { sql } from 'kysely';
import { signalChange } from '../../db/changes.ts';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { EventSubscriber } from '../events/event-subscriber.ts';
import { basketIncrements } from './recommender-core.ts';

/** An order with many products would add the square of their number in pairs: its first ones count. */
const MAX_PRODUCTS_PER_ORDER = 30;
const ROWS_PER_STATEMENT = 1000;

/**
 * Signalled (to every process) when the scores change: the store cache drops the recommendations it
 * holds, and nothing else (an order's stock changes drop only the pages showing its products).
 */
export const RECOMMENDATION_SCORES_TOPIC = 'recommendations';

/**
 * Counts placed orders into the co-purchase and popularity scores, each order once however often it
 * is handed over (recommendation_order remembers the ones counted, in the same transaction). The lines
 * are read from the orders themselves, so events of every payload version count alike.
 */
export async function countOrdersIntoScores(db: Db, orderIds: readonly string[]): Promise<number> {
  if (!orderIds.length) return 0;
  return inTransaction(db, async (tx) => {
    const fresh = await tx.insertInto('recommendation_order').values(orderIds.map((order_id) => ({ order_id })))
      .onConflict((oc) => oc.column('order_id').doNothing()).returning('order_id').execute();
    if (!fresh.length) return 0;
    const { rows } = await sql<{ placed_at: Date; product_ids: string[] }>`
      select o.placed_at, array_agg(l.product_id order by l.position) as product_ids
      from orders o join order_line_item l on l.order_id = o.id
      where o.id = any(${fresh.map((r) => r.order_id)}::text[]) and o.placed_at is not null
      group by o.id, o.placed_at`.execute(tx);
    const popularity = new Map<string, { score: number; orders: number }>();
    const pairs = new Map<string, { product_id: string; other_product_id: string; score: number; orders: number }>();
    for (const order of rows) {
      const products = [...new Set(order.product_ids)].slice(0, MAX_PRODUCTS_PER_ORDER);
      const increments = basketIncrements(products, new Date(order.placed_at));
      for (const p of increments.popularity) {
        const row = popularity.get(p.product_id) ?? { score: 0, orders: 0 };
        popularity.set(p.product_id, { score: row.score + p.score, orders: row.orders + 1 });
      }
      for (const p of increments.pairs) {
        const key = `${p.product_id} ${p.other_product_id}`;
        const row = pairs.get(key) ?? { ...p, score: 0, orders: 0 };
        pairs.set(key, { ...row, score: row.score + p.score, orders: row.orders + 1 });
      }
    }
    const popularityRows = [...popularity].map(([product_id, r]) => ({ product_id, ...r }));
    for (let i = 0; i < popularityRows.length; i += ROWS_PER_STATEMENT) {
      await tx.insertInto('recommendation_popularity').values(popularityRows.slice(i, i + ROWS_PER_STATEMENT))
        .onConflict((oc) => oc.column('product_id').doUpdateSet({
          score: sql`recommendation_popularity.score + excluded.score`, orders: sql`recommendation_popularity.orders + excluded.orders`, updated_at: sql`now()`,
        })).execute();
    }
    const pairRows = [...pairs.values()];
    for (let i = 0; i < pairRows.length; i += ROWS_PER_STATEMENT) {
      await tx.insertInto('recommendation_pair').values(pairRows.slice(i, i + ROWS_PER_STATEMENT))
        .onConflict((oc) => oc.columns(['product_id', 'other_product_id']).doUpdateSet({
          score: sql`recommendation_pair.score + excluded.score`, orders: sql`recommendation_pair.orders + excluded.orders`, updated_at: sql`now()`,
        })).execute();
    }
    if (rows.length) await signalChange(tx, RECOMMENDATION_SCORES_TOPIC);
    return rows.length;
  });
}

/** Keeps the recommender's scores up to date from the outbox, one order.placed batch at a time. */
export function recommendationScores(db: Db): EventSubscriber {
  return {
    name: 'recommendation-scores',
    events: ['order.placed'],
    async handle(events) {
      await countOrdersIntoScores(db, [...new Set(events.map((e) => e.resource_id))]);
    },
  };
}
