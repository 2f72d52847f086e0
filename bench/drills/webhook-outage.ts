import pg from 'pg';
import type { BenchDatabase } from '../databases.ts';
import { prepareCheckoutShop } from '../checkout.ts';
import type { Child } from '../harness.ts';
import { startReceiver, waitFor } from '../../test/helpers/webhook-receiver.ts';
import type { Audit } from './audit.ts';
import { startBuyers } from './buyers.ts';
import { ownPostgres, sleep, startDrillShop, TEST_CARD } from './shop.ts';

const MINUTE = 60_000;
const OUTAGE_MS = 60 * MINUTE;

/**
 * The webhook receiver down (answering 503) for an hour of simulated time, with the shop's real retry
 * settings (WEBHOOK_RETRY_BASE_MS 30 s, a 24 h window). Time is simulated the way the delivery queue
 * reads it: the database's `now()` against the queue's timestamps (src/modules/webhooks/deliveries.ts).
 * So instead of sleeping, the drill moves every webhook timestamp back by the time to the next due
 * retry — as if the clock had jumped there — and waits until the process has tried every delivery
 * due. Orders are placed at minute 0 and again at minute 30; the receiver comes back at minute 60.
 * Checks: every order.placed reaches the receiver exactly once, no delivery dead-lettered, the
 * endpoint still enabled, and the deliveries of minute 0 tried 7 or 8 times during the hour, as the
 * backoff's bounds say (30 s·2^(n−1) scaled by 50–100 %: the 7th attempt falls at 945–1890 s, the
 * 8th at 1905–3810 s, the 9th after 3825 s). Needs PostgreSQL (the drill and the process both open
 * the database); embedded, it runs on a cluster of its own.
 */
export async function drillWebhookOutage(database: BenchDatabase, buyers: number): Promise<Audit> {
  const own = database.kind === 'postgres' ? null : await ownPostgres('drill-webhooks', 50);
  const env = own?.env ?? database.env;
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 2 });
  let down = true;
  const receiver = await startReceiver(() => (down ? 503 : 200));
  let shop: Child | undefined;
  try {
    shop = await startDrillShop(env, { WEBHOOK_ALLOW_PRIVATE: 'true' });
    const target = await prepareCheckoutShop(shop, 'postgres');
    const endpoint = await target.admin.call('POST', '/admin/webhooks', { url: receiver.url, events: ['order.placed'] });
    if (endpoint.status !== 201) throw new Error(`webhook endpoint: ${JSON.stringify(endpoint.body)}`);
    const since = new Date(Date.now() - 1000);
    const placeOrders = async () => {
      const load = startBuyers({ urls: () => [shop!.url], buyers: Math.min(buyers, 4), variants: target.variants, payment: TEST_CARD });
      await sleep(2000);
      return (await load.stop()).placed;
    };
    const query = async <T>(text: string, values: unknown[] = []) => (await pool.query(text, values)).rows as T[];
    /** Moves every webhook timestamp `ms` into the past: for the delivery queue, the clock jumped `ms` ahead. */
    const advance = async (ms: number) => {
      const client = await pool.connect();
      try {
        const by = `${ms} milliseconds`;
        await client.query('begin');
        await client.query(`update webhook_delivery set next_attempt_at = next_attempt_at - $1::interval, expires_at = expires_at - $1::interval,
          created_at = created_at - $1::interval, updated_at = updated_at - $1::interval, locked_until = locked_until - $1::interval,
          delivered_at = delivered_at - $1::interval where endpoint_id = $2`, [by, endpoint.body.id]);
        await client.query(`update webhook_attempt set created_at = created_at - $1::interval
          where delivery_id in (select id from webhook_delivery where endpoint_id = $2)`, [by, endpoint.body.id]);
        await client.query(`update webhook_endpoint set created_at = created_at - $1::interval, updated_at = updated_at - $1::interval,
          last_success_at = last_success_at - $1::interval, last_failure_at = last_failure_at - $1::interval where id = $2`, [by, endpoint.body.id]);
        await client.query('commit');
      } finally {
        client.release();
      }
    };
    /** Until the process has tried (and recorded) every delivery that is due. */
    const settle = () => waitFor(async () => (await query<{ n: number }>(
      `select count(*)::int as n from webhook_delivery where endpoint_id = $1 and status = 'pending' and next_attempt_at <= now()`, [endpoint.body.id]))[0].n === 0,
    60_000, 'every due delivery tried');

    /** Until the event dispatcher has queued a delivery for each of `orders` (it runs apart from the checkout). */
    const queued = (orders: Map<string, string>) => waitFor(async () => (await query<{ n: number }>(
      'select count(*)::int as n from webhook_delivery where endpoint_id = $1 and resource_id = any($2)', [endpoint.body.id, [...orders.values()]]))[0].n === orders.size,
    60_000, 'a delivery queued for every order');

    const firstBatch = await placeOrders();
    await queued(firstBatch);
    let secondBatch: Map<string, string> | null = null;
    let simulated = 0;
    let jumps = 0;
    let attemptsInOutage: { attempts: number }[] = [];
    let allDeliveredAt: number | null = null;
    while (jumps < 500) {
      await settle();
      if (!down && allDeliveredAt === null) {
        const [left] = await query<{ n: number }>(`select count(*)::int as n from webhook_delivery where endpoint_id = $1 and status = 'pending'`, [endpoint.body.id]);
        if (left.n === 0) allDeliveredAt = simulated;
      }
      const [next] = await query<{ ms: string | null }>(
        `select extract(epoch from min(next_attempt_at) - now()) * 1000 as ms from webhook_delivery where endpoint_id = $1 and status = 'pending'`, [endpoint.body.id]);
      if (next.ms === null) break;
      if (!secondBatch && simulated >= OUTAGE_MS / 2) {
        secondBatch = await placeOrders();
        await queued(secondBatch);
        continue;
      }
      let jump = Math.max(0, Math.ceil(Number(next.ms)));
      if (down && simulated + jump >= OUTAGE_MS) {
        jump = OUTAGE_MS - simulated;
        // The hour is over: what the first batch went through while the receiver was down.
        attemptsInOutage = await query<{ attempts: number }>(
          `select attempts from webhook_delivery where endpoint_id = $1 and resource_id = any($2)`, [endpoint.body.id, [...firstBatch.values()]]);
        down = false;
      }
      await advance(jump);
      simulated += jump;
      jumps++;
    }

    const failures: string[] = [];
    const events = await query<{ id: string }>(`select id from event_outbox where type = 'order.placed' and created_at >= $1`, [since]);
    const placed = firstBatch.size + (secondBatch?.size ?? 0);
    if (events.length !== placed) failures.push(`${events.length} order.placed events for ${placed} orders placed`);
    const accepted = new Map<string, number>();
    for (const r of receiver.accepted()) accepted.set(r.event.id, (accepted.get(r.event.id) ?? 0) + 1);
    const missing = events.filter((e) => !accepted.has(e.id)).length;
    const twice = [...accepted.values()].filter((n) => n > 1).length;
    if (missing) failures.push(`${missing} order.placed events never reached the receiver`);
    if (twice) failures.push(`${twice} events were accepted more than once`);
    const deliveries = await query<{ status: string; n: number }>(
      `select status, count(*)::int as n from webhook_delivery where endpoint_id = $1 group by status`, [endpoint.body.id]);
    const byStatus = Object.fromEntries(deliveries.map((d) => [d.status, d.n]));
    if (byStatus.failed || byStatus.pending) failures.push(`deliveries left: ${JSON.stringify(byStatus)}`);
    const [state] = await query<{ enabled: boolean }>('select enabled from webhook_endpoint where id = $1', [endpoint.body.id]);
    if (!state.enabled) failures.push('the endpoint was disabled');
    const outOfBounds = attemptsInOutage.filter((d) => d.attempts < 7 || d.attempts > 8).length;
    if (attemptsInOutage.length !== firstBatch.size) failures.push(`${attemptsInOutage.length} deliveries of minute 0 found for ${firstBatch.size} orders`);
    if (outOfBounds) failures.push(`${outOfBounds} deliveries of minute 0 were tried other than 7 or 8 times in the hour`);
    const histogram: Record<number, number> = {};
    for (const d of attemptsInOutage) histogram[d.attempts] = (histogram[d.attempts] ?? 0) + 1;
    return {
      failures,
      figures: {
        orders_minute_0: firstBatch.size, orders_minute_30: secondBatch?.size ?? 0, simulated_minutes: Math.round(simulated / MINUTE),
        clock_jumps: jumps, attempts_in_the_hour: histogram, receiver_answers: { 503: receiver.received.filter((r) => r.status === 503).length, 200: receiver.accepted().length },
        all_delivered_at_minute: allDeliveredAt === null ? null : Math.round(allDeliveredAt / MINUTE),
        last_delivered_minutes_after_receiver_back: allDeliveredAt === null ? null : Math.round((allDeliveredAt - OUTAGE_MS) / MINUTE), deliveries: byStatus, endpoint_enabled: state.enabled,
      },
    };
  } finally {
    await shop?.stop();
    await receiver.close();
    await pool.end();
    own?.cluster.destroy();
  }
}
