import { prepareCheckoutShop } from '../checkout.ts';
import type { Child } from '../harness.ts';
import { waitFor } from '../../test/helpers/webhook-receiver.ts';
import { auditCheckouts, withDatabase, type Audit } from './audit.ts';
import { startBuyers } from './buyers.ts';
import { adminOn, ownPostgres, sleep, startDrillShop, stockThroughApi, TEST_CARD, waitForSweep } from './shop.ts';

const DOWN_MS = 5000;

/**
 * PostgreSQL restarted under load, twice: a clean restart (`pg_ctl stop -m fast`: clients are told
 * 57P01) and a crash (`-m immediate`: connections cut, WAL recovery on start), each down for 5 s, on
 * a cluster of the drill's own (never the machine's shared server). While it is down every request
 * that needs it must fail cleanly with 503 `database_unavailable` — no 500, no hung or dropped
 * connection — and once it is back the same process must sell again without a restart. Recovery
 * is the time from the server's start to the first order placed after it. Then the usual audit:
 * nothing half-written (no pending order, every unit of stock accounted for, one payment per order).
 */
export async function drillPgRestart(buyers: number): Promise<Audit> {
  const { cluster, env } = await ownPostgres('drill-restart');
  let shop: Child | undefined;
  try {
    shop = await startDrillShop(env);
    const target = await prepareCheckoutShop(shop, 'postgres');
    const { variants } = target;
    const stockBefore = await stockThroughApi(target.admin, variants);
    const since = new Date(Date.now() - 1000);
    let phase = 'before';
    const byPhase: Record<string, Record<string, number>> = {};
    const placedAt: number[] = [];
    const answeredAt: number[] = [];
    const load = startBuyers({
      urls: () => [shop!.url], buyers, variants, payment: TEST_CARD,
      onRequest(step, status) {
        const counts = (byPhase[phase] ??= {});
        const key = `${status || 'network'}`;
        counts[key] = (counts[key] ?? 0) + 1;
        if (step === 'complete' && status === 201) placedAt.push(Date.now());
        if (status >= 200 && status < 300) answeredAt.push(Date.now());
      },
    });
    await sleep(3000);
    const recoveryMs: Record<string, number> = {};
    const unrecovered: string[] = [];
    const firstAnswerMs: Record<string, number> = {};
    for (const mode of ['fast', 'immediate'] as const) {
      phase = `${mode}_down`;
      cluster.stop(mode);
      await sleep(DOWN_MS);
      cluster.start();
      const up = Date.now();
      phase = `${mode}_back`;
      const recovered = await waitFor(() => placedAt.some((t) => t > up) || shop!.process.exitCode !== null || shop!.process.signalCode !== null, 60_000, 'an order placed after PostgreSQL came back')
        .then(() => placedAt.some((t) => t > up), () => false);
      if (!recovered) {
        unrecovered.push(mode);
        break;
      }
      recoveryMs[mode] = placedAt.find((t) => t > up)! - up;
      firstAnswerMs[mode] = answeredAt.find((t) => t > up)! - up;
      await sleep(3000);
    }
    const outcomes = await load.stop();
    const loadEnd = Date.now();
    const alive = shop.process.exitCode === null && shop.process.signalCode === null;
    if (!alive || unrecovered.length) {
      // Nothing to audit after the sweep: the process is gone or not selling. Say so with its last words.
      await shop.stop();
      return { failures: [`${alive ? 'no order placed within 60 s' : 'the process ended'} after the ${unrecovered.join(', ')} restart`], figures: { answers_by_phase: byPhase, statuses: outcomes.statuses } };
    }
    await waitForSweep(await adminOn(shop.url), loadEnd);
    await shop.stop();
    const audit = await withDatabase(env, (db) => auditCheckouts(db, { since, outcomes, variants, stockBefore, holdsExpired: true }));
    for (const [name, counts] of Object.entries(byPhase)) {
      const unclean = Object.entries(counts).filter(([status]) => status === 'network' || (Number(status) >= 500 && status !== '503'));
      if (unclean.length) audit.failures.push(`${name}: ${unclean.map(([s, n]) => `${n}× ${s}`).join(', ')} (only 2xx, 4xx and 503 are clean)`);
      if (name.endsWith('_down') && !counts['503']) audit.failures.push(`${name}: no request was answered 503`);
    }
    audit.figures = { down_ms_each: DOWN_MS, first_2xx_after_start_ms: firstAnswerMs, first_order_after_start_ms: recoveryMs, answers_by_phase: byPhase, ...audit.figures, statuses: outcomes.statuses };
    return audit;
  } finally {
    await shop?.stop();
    cluster.destroy();
  }
}
