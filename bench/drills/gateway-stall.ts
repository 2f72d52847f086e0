import type { BenchDatabase } from '../databases.ts';
import { prepareCheckoutShop } from '../checkout.ts';
import type { Child } from '../harness.ts';
import { auditCheckouts, withDatabase, type Audit } from './audit.ts';
import { startBuyers } from './buyers.ts';
import { waitFor } from '../../test/helpers/webhook-receiver.ts';
import { adminOn, drillGateway, DRILL_SETTINGS, sleep, startDrillShop, stockThroughApi, waitForSweep } from './shop.ts';

const STALL_MS = 8000;

/**
 * A payment gateway that stalls under load: for 8 s or more (four payment timeouts) the fake Stripe
 * authorizes every confirm but holds its answer back, the worst case (the money is held, we never
 * hear). Every checkout caught in it must end in 504 `payment_timeout` within the timeout, its
 * authorization voided (the PaymentIntent canceled) and its stock returned; the gateway's count of
 * live charges must equal our payments taken, one per order, none twice.
 */
export async function drillGatewayStall(database: BenchDatabase, buyers: number): Promise<Audit> {
  const gateway = await drillGateway();
  const env = { ...database.env, ...gateway.env };
  let shop: Child | undefined;
  try {
    shop = await startDrillShop(env);
    const target = await prepareCheckoutShop(shop, database.kind);
    const { variants } = target;
    const stockBefore = await stockThroughApi(target.admin, variants);
    const since = new Date(Date.now() - 1000);
    let stalled = false;
    let slowestStalledMs = 0;
    const completes = { placed: 0, timedOut: 0 };
    const load = startBuyers({
      urls: () => [shop!.url], buyers, variants, payment: gateway.payment,
      onRequest(step, status, ms) {
        if (step !== 'complete') return;
        if (status === 201) completes.placed++;
        if (status === 504) completes.timedOut++;
        if (stalled) slowestStalledMs = Math.max(slowestStalledMs, ms);
      },
    });
    // Stall once checkouts flow; hold it at least STALL_MS and until a few checkouts have timed out
    // (on a busy machine they reach the gateway slowly); then until a few orders went through again.
    await waitFor(() => completes.placed >= 3, 60_000, 'checkouts going through');
    const hold = gateway.stripe.holdConfirms();
    stalled = true;
    const stallStart = Date.now();
    await sleep(STALL_MS);
    await waitFor(() => completes.timedOut >= 3, 60_000, 'checkouts timing out in the stall').catch(() => {});
    const stallMs = Date.now() - stallStart;
    hold.release();
    const placedBeforeRelease = completes.placed;
    await waitFor(() => completes.placed >= placedBeforeRelease + 3, 60_000, 'orders placed after the stall').catch(() => {});
    stalled = false;
    const outcomes = await load.stop();
    const loadEnd = Date.now();
    await waitForSweep(await adminOn(shop.url), loadEnd);
    await shop.stop();

    const audit = await withDatabase(database.env, (db) => auditCheckouts(db, { since, outcomes, variants, stockBefore, holdsExpired: true, gateway: gateway.stripe }));
    const timedOut = outcomes.statuses['complete 504'] ?? 0;
    const voided = [...gateway.stripe.intents.values()].filter((i) => i.status === 'canceled').length;
    if (!timedOut) audit.failures.push('no checkout timed out: the stall was not felt');
    if (voided !== timedOut) audit.failures.push(`${timedOut} checkouts timed out, ${voided} authorizations voided`);
    const otherErrors = Object.entries(outcomes.statuses).filter(([key]) => !/ (2\d\d|504)$/.test(key));
    if (otherErrors.length) audit.failures.push(`unexpected answers: ${otherErrors.map(([k, n]) => `${n}× ${k}`).join(', ')}`);
    // The checkout gives up at PAYMENT_TIMEOUT_MS: none may wait the stall out (a busy machine adds its own delay, so the bound is the stall).
    const timeoutMs = Number(DRILL_SETTINGS.PAYMENT_TIMEOUT_MS);
    if (slowestStalledMs >= stallMs) audit.failures.push(`a checkout waited ${Math.round(slowestStalledMs)} ms, the whole stall (timeout ${timeoutMs} ms)`);
    audit.figures = {
      stall_ms: stallMs, payment_timeout_ms: timeoutMs, completes_timed_out: timedOut, authorizations_voided: voided,
      slowest_complete_in_stall_ms: Math.round(slowestStalledMs), ...audit.figures, statuses: outcomes.statuses,
    };
    return audit;
  } finally {
    await shop?.stop();
    await gateway.stripe.close();
  }
}
