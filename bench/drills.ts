import type { BenchDatabase } from './databases.ts';
import { report } from './harness.ts';
import type { Audit } from './drills/audit.ts';
import { drillGatewayStall } from './drills/gateway-stall.ts';
import { drillKill9 } from './drills/kill9.ts';
import { drillPgRestart } from './drills/pg-restart.ts';
import { drillSoak } from './drills/soak.ts';
import { drillWebhookOutage } from './drills/webhook-outage.ts';

/**
 * `BENCH_ONLY=drills`: failure drills against real `cartwright start` processes (docs/failure-drills.md).
 * DRILL picks them (comma-separated; all by default): kill9, pg-restart, gateway-stall, webhook-outage,
 * soak (SOAK_MINUTES, default 30; SOAK_BUYERS, default 8). BENCH_BUYERS (default 20) buyers load the
 * others. Each prints one JSON line: its verdict, the failed checks in words, and its figures; any
 * failed drill makes the run exit 1.
 */
const buyers = Number(process.env.BENCH_BUYERS ?? 20);

const drills: Record<string, (database: BenchDatabase) => Promise<Audit>> = {
  kill9: (database) => drillKill9(database, buyers),
  'pg-restart': () => drillPgRestart(buyers),
  'gateway-stall': (database) => drillGatewayStall(database, buyers),
  'webhook-outage': (database) => drillWebhookOutage(database, buyers),
  soak: (database) => drillSoak(database, Number(process.env.SOAK_BUYERS ?? 8), Number(process.env.SOAK_MINUTES ?? 30)),
};

export async function runDrills(database: BenchDatabase): Promise<void> {
  const chosen = (process.env.DRILL ?? Object.keys(drills).join(',')).split(',').map((d) => d.trim()).filter(Boolean);
  const unknown = chosen.filter((d) => !drills[d]);
  if (unknown.length) throw new Error(`DRILL names no drill called ${unknown.join(', ')} (drills: ${Object.keys(drills).join(', ')})`);
  for (const name of chosen) {
    const started = Date.now();
    const audit = await drills[name](database);
    report({
      bench: 'drill', drill: name, db: database.kind, verdict: audit.failures.length ? 'fail' : 'pass', failures: audit.failures,
      seconds: Math.round((Date.now() - started) / 1000), ...audit.figures,
    });
    if (audit.failures.length) process.exitCode = 1;
  }
}
