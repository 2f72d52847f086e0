import type { DispatchedEvent } from './dispatched-event.ts';

/**
 * An in-process consumer of the outbox (search index, ledger, webhooks fan-out…). The dispatcher hands
 * it every event its filter takes, in dispatch order — so in commit order per resource — and at least
 * once: a batch that throws is handed again (after a backoff, then one event at a time, so one bad
 * event does not hold back the ones before it), and a batch handled just before a crash may be handed
 * again after it. So a handler is idempotent: it upserts, inserts `on conflict do nothing`, or checks
 * before acting. One process at a time runs a subscriber (a lease on its progress row, renewed while
 * it works; a dead process's lease runs out within 15 s), so a handler sees events one batch after the
 * other, never two batches at once.
 */
export interface EventSubscriber {
  /** Stable: the subscriber's progress is stored under it. */
  readonly name: string;
  /** The event types it takes: exact (`order.placed`), per resource (`order.*`) or `*`. */
  readonly events: readonly string[];
  handle(events: DispatchedEvent[]): Promise<void>;
}
