import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** How often a read waiting for the replica to replay a change asks it how far it got. */
const REPLAY_POLL_MS = 5;
/** After the replica failed to answer, reads go to the primary for this long before trying it again. */
export const REPLICA_RETRY_MS = 2_000;

/** Which database served a read connection, and why (counted for /metrics). */
export type ReadRoute =
  | 'replica' // the replica was known to have replayed every change this process had heard of
  | 'replica_caught_up' // after a change: asked, it had replayed it, or did within DATABASE_READ_WAIT_MS
  | 'primary_lagging' // it did not catch up in time
  | 'primary_replica_down'; // it did not answer

export interface ReplicaPools {
  /** The primary's pool as Kysely uses it (prepared statements, timings). */
  primary: PostgresPool;
  /** The replica's, the same way. */
  replica: PostgresPool;
  /** For the router's own position queries. */
  primaryRaw: pg.Pool;
  replicaRaw: pg.Pool;
}

/** An LSN (`16/B374D848`) as a number that compares: WAL positions fit well within 2^53 for decades. */
export function lsnValue(lsn: string): number {
  const [high, low] = lsn.split('/');
  return parseInt(high!, 16) * 2 ** 32 + parseInt(low!, 16);
}

/**
 * Decides, each time a read-only Store read takes a connection, whether the replica (DATABASE_READ_URL)
 * may answer it or the primary must. The replica may answer once it has replayed the primary's WAL
 * up to where the primary was when this process last heard of a change (changes.ts: a commit of this
 * process, or another's NOTIFY, which arrives after that commit): a read never shows data older than
 * a change the store cache was just emptied for, so the cache never refills with what the change
 * replaced. A read after a change waits up to `waitMs` for the replica to get there, then goes to the
 * primary; while the replica stays behind, reads go to the primary without waiting. A replica that
 * does not answer is left alone for REPLICA_RETRY_MS, its reads served by the primary meanwhile.
 * Reads that follow no change go straight to the replica: they may lag by its replay delay, like any
 * replica read, for data no change signal covers (recommendation scores).
 */
export class ReplicaRouter {
  /** The primary's WAL position the replica must have replayed (0: nothing heard yet). */
  private required = 0;
  /** The furthest replay position the replica reported (Infinity: not a standby, it is the data). */
  private replayed = 0;
  /** A change was heard and the primary's position since then is not yet asked for. */
  private fencePending = false;
  private fence: Promise<void> = Promise.resolve();
  private polling: Promise<void> | null = null;
  /** The last wait timed out: until the replica catches up, reads do not wait for it. */
  private lagging = false;
  private downUntil = 0;
  /** Reads waiting now for the replica to replay a change (for /metrics). */
  waitingReads = 0;
  private readonly routeListeners = new Set<(route: ReadRoute) => void>();

  constructor(private readonly pools: ReplicaPools, private readonly waitMs: number) {}

  /** A change committed on the primary: reads from now on must see it. */
  noteChange(): void {
    this.fencePending = true;
  }

  /**
   * The replica lost a connection (it may have restarted): what it reported replaying may no longer
   * be what it shows, since a restarted standby opens to readers from its last restart point on.
   */
  forgetPosition(): void {
    this.replayed = 0;
  }

  /** Calls `listener` with the route each read connection took; returns the unsubscribe. */
  onRoute(listener: (route: ReadRoute) => void): () => void {
    this.routeListeners.add(listener);
    return () => this.routeListeners.delete(listener);
  }

  /** The pool a Kysely instance for replica-safe reads runs on. */
  pool(): PostgresPool {
    return {
      connect: () => this.connect(),
      end: async () => {},
    };
  }

  /** The replica's lag behind the primary, for /metrics; null when it does not answer. */
  async lag(): Promise<{ bytes: number; seconds: number } | null> {
    try {
      const [primary, replica] = await Promise.all([
        this.pools.primaryRaw.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn'),
        this.pools.replicaRaw.query<{ lsn: string | null; seconds: number | null }>(`select pg_last_wal_replay_lsn()::text as lsn,
          case when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
          else extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 end as seconds`),
      ]);
      const { lsn, seconds } = replica.rows[0]!;
      if (lsn === null) return { bytes: 0, seconds: 0 };
      return { bytes: Math.max(0, lsnValue(primary.rows[0]!.lsn) - lsnValue(lsn)), seconds: Math.max(0, seconds ?? 0) };
    } catch {
      return null;
    }
  }

  private async connect(): Promise<PostgresPoolClient> {
    if (Date.now() < this.downUntil) return this.viaPrimary('primary_replica_down');
    const target = await this.fenceTarget();
    let route: ReadRoute;
    let client: PostgresPoolClient | undefined;
    try {
      route = await this.replicaRoute(target);
      if (route !== 'primary_lagging') client = await this.pools.replica.connect();
    } catch {
      // Whatever failed (the connection, the position query) was the replica's: skip it for a while.
      this.downUntil = Date.now() + REPLICA_RETRY_MS;
      this.forgetPosition();
      return this.viaPrimary('primary_replica_down');
    }
    if (!client) return this.viaPrimary(route);
    this.report(route);
    return client;
  }

  private async viaPrimary(route: ReadRoute): Promise<PostgresPoolClient> {
    const client = await this.pools.primary.connect();
    this.report(route);
    return client;
  }

  /** The primary's WAL position this read must see, asked for once after each change heard. */
  private async fenceTarget(): Promise<number> {
    if (this.fencePending) {
      this.fencePending = false;
      // Asked after the change committed, so the primary's position is at or past its commit record.
      this.fence = this.pools.primaryRaw.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn').then(
        ({ rows }) => void (this.required = Math.max(this.required, lsnValue(rows[0]!.lsn))),
        (error) => {
          // The primary's failure is the read's (it would fail there too); the next read asks again.
          this.fencePending = true;
          throw error;
        },
      );
    }
    // The latest question was asked after every change heard so far.
    await this.fence;
    return this.required;
  }

  /** Whether the replica has replayed up to `target`, waiting for it if it is on its way. */
  private async replicaRoute(target: number): Promise<ReadRoute> {
    if (this.replayed >= target) return 'replica';
    // Behind after the last wait: one look, no waiting, until it has caught up.
    if (this.lagging) await this.pollReplay(0);
    else {
      this.waitingReads++;
      await this.pollReplay(this.waitMs).finally(() => this.waitingReads--);
    }
    if (this.replayed >= target) return 'replica_caught_up';
    this.lagging = true;
    return 'primary_lagging';
  }

  /** Asks the replica its replay position until it reaches `required` or `forMs` passes; one loop for all waiting reads. */
  private pollReplay(forMs: number): Promise<void> {
    this.polling ??= (async () => {
      const deadline = Date.now() + forMs;
      for (;;) {
        const { rows } = await this.pools.replicaRaw.query<{ lsn: string | null }>('select pg_last_wal_replay_lsn()::text as lsn');
        const lsn = rows[0]!.lsn;
        this.replayed = lsn === null ? Infinity : Math.max(this.replayed, lsnValue(lsn));
        if (this.replayed >= this.required) {
          this.lagging = false;
          return;
        }
        if (Date.now() >= deadline) return;
        await new Promise((resolve) => setTimeout(resolve, REPLAY_POLL_MS));
      }
    })().finally(() => (this.polling = null));
    return this.polling;
  }

  private report(route: ReadRoute): void {
    for (const listener of this.routeListeners) listener(route);
  }
}
