import type { BenchDatabase } from '../databases.ts';
import { prepareCheckoutShop } from '../checkout.ts';
import type { Child } from '../harness.ts';
import { auditCheckouts, withDatabase, type Audit } from './audit.ts';
import { startBuyers } from './buyers.ts';
import { waitFor } from '../../test/helpers/webhook-receiver.ts';
import { adminOn, drillGateway, sleep, startDrillShop, stockThroughApi, waitForSweep } from './shop.ts';

/**
 * kill -9 of a server in the middle of checkouts under load. On PostgreSQL two processes share the
 * load and one is killed (the other keeps selling); embedded, the one process is killed. Either way
 * the kill lands while some checkouts wait on the gateway, which authorized them but whose answers it
 * holds back (their orders are pending: the sweep must settle them with the gateway's word). Then
 * the killed process is started again at once, as a supervisor would, and the buyers go on. Once the
 * sweep has run past the holds' expiry the audit must find: every order a buyer was given, no order
 * twice, no pending order left, no unit of stock reserved, one charge at the gateway per order.
 */
export async function drillKill9(database: BenchDatabase, buyers: number): Promise<Audit> {
  const gateway = await drillGateway();
  const env = { ...database.env, ...gateway.env };
  const shops: Child[] = [];
  try {
    for (let i = 0; i < (database.kind === 'postgres' ? 2 : 1); i++) shops.push(await startDrillShop(env));
    let live = [...shops];
    const target = await prepareCheckoutShop(shops[0], database.kind);
    const variants = target.variants;
    const stockBefore = await stockThroughApi(target.admin, variants);
    const since = new Date(Date.now() - 1000);
    const load = startBuyers({ urls: () => live.map((s) => s.url), buyers, variants, payment: gateway.payment });
    await sleep(3000);

    // The kill lands while checkouts are at the gateway: it authorized them, its answers are held back.
    const hold = gateway.stripe.holdConfirms();
    const authorizedUnanswered = () => [...gateway.stripe.intents.values()].filter((i) => i.status === 'requires_capture').length;
    await waitFor(() => authorizedUnanswered() >= 3, 30_000, 'checkouts waiting on the gateway');
    const victim = shops[shops.length - 1];
    const killedAt = Date.now();
    live = live.filter((s) => s !== victim);
    victim.process.kill('SIGKILL');
    await new Promise((resolve) => victim.process.once('exit', resolve));
    const atGateway = authorizedUnanswered();
    hold.release();
    const restarted = await startDrillShop(env);
    const restartMs = Date.now() - killedAt;
    shops.push(restarted);
    live.push(restarted);
    await sleep(5000);
    const outcomes = await load.stop();
    const loadEnd = Date.now();

    await waitForSweep(await adminOn(live[0].url), loadEnd);
    for (const shop of live) await shop.stop();
    const audit = await withDatabase(database.env, (db) => auditCheckouts(db, { since, outcomes, variants, stockBefore, holdsExpired: true, gateway: gateway.stripe }));
    if (victim.process.signalCode !== 'SIGKILL') audit.failures.push(`the victim ended with ${victim.process.signalCode ?? victim.process.exitCode}, not SIGKILL`);
    audit.figures = { processes: shops.length - 1, at_gateway_when_killed: atGateway, restart_ms: restartMs, ...audit.figures, statuses: outcomes.statuses };
    return audit;
  } finally {
    for (const shop of shops) await shop.stop();
    await gateway.stripe.close();
  }
}
