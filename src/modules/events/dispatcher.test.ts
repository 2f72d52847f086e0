import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { countStatements } from '../../../test/helpers/statements.ts';
import { onServer } from '../../../test/helpers/test-database.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { waitFor } from '../../../test/helpers/webhook-receiver.ts';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { dispatchOnce, registerSubscribers, sequenceEvents, startDispatcher } from './dispatcher.ts';
import type { DispatchedEvent } from './dispatched-event.ts';
import { recordEvents } from './outbox.ts';
import type { EventSubscriber } from './event-subscriber.ts';

/**
 * The dispatcher: committed events get gap-free positions in commit order, and each subscriber gets
 * every event its filter takes, in that order, at least once, resuming after failures.
 */
let shop: TestShop;
beforeAll(async () => {
  shop = await startTestShop();
});
afterAll(async () => shop?.close());
beforeEach(async () => {
  // Each test starts with the outbox already dispatched.
  while (await sequenceEvents(shop.db)) { /* sequence everything so far */ }
});

let n = 0;
async function record(db: Db, count: number, resource = 'r') {
  await inTransaction(db, (tx) => recordEvents(tx, Array.from({ length: count }, () => ({
    type: 'product.updated', resource_type: 'test_resource', resource_id: resource, payload: { id: resource, changed: [`n${++n}`] },
  }))));
}

function recorder(name: string, events: string[] = ['product.updated'], fail?: (e: DispatchedEvent) => boolean) {
  const seen: DispatchedEvent[] = [];
  const subscriber: EventSubscriber = {
    name,
    events,
    // All of a batch or nothing, as a subscriber writing in one transaction would.
    async handle(batch) {
      const bad = batch.find((event) => fail?.(event));
      if (bad) throw new Error(`cannot handle ${bad.id}`);
      seen.push(...batch);
    },
  };
  return { subscriber, seen };
}

async function drain(db: Db, subscribers: EventSubscriber[], processId = 'test') {
  await registerSubscribers(db, subscribers);
  while (await dispatchOnce({ db, subscribers, processId })) { /* until idle */ }
}

async function outboxIds(resource: string) {
  return (await shop.db.selectFrom('event_outbox').select('id').where('resource_id', '=', resource).orderBy('dispatch_seq').execute()).map((e) => e.id);
}

test('every committed event gets the next position, and a new subscriber gets all of them in order, in batches', async () => {
  await record(shop.db, 450, 'batchy');
  const { subscriber, seen } = recorder('batchy');
  const batches: number[] = [];
  const counting: EventSubscriber = { ...subscriber, handle: async (batch) => { batches.push(batch.length); await subscriber.handle(batch); } };
  await drain(shop.db, [counting]);
  const mine = seen.filter((e) => e.resource_id === 'batchy');
  expect(mine.map((e) => e.id)).toEqual(await outboxIds('batchy'));
  const positions = seen.map((e) => e.position);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  const all = await shop.db.selectFrom('event_outbox').select(['dispatch_seq']).orderBy('dispatch_seq').execute();
  expect(all.map((e) => e.dispatch_seq)).toEqual(all.map((_, i) => i + 1)); // gap-free
  expect(Math.max(...batches)).toBeLessThanOrEqual(200);
  const progress = await shop.db.selectFrom('event_subscription').selectAll().where('name', '=', 'batchy').executeTakeFirstOrThrow();
  expect(progress).toMatchObject({ position: all.length, attempts: 0, locked_until: null, locked_by: null, last_error: null });
});

test('a subscriber only gets the types it asks for; an idle dispatcher writes nothing', async () => {
  const { subscriber, seen } = recorder('picky', ['inventory.*']);
  await drain(shop.db, [subscriber]);
  await record(shop.db, 3, 'ignored');
  await inTransaction(shop.db, (tx) => recordEvents(tx, [{ type: 'inventory.low', resource_type: 'inventory_item', resource_id: 'iitem_1', payload: {} }]));
  const before = seen.length;
  await drain(shop.db, [subscriber]);
  expect(seen.slice(before).map((e) => e.type)).toEqual(['inventory.low']);
  const row = await shop.db.selectFrom('event_subscription').select(['updated_at', 'position']).where('name', '=', 'picky').executeTakeFirstOrThrow();
  for (let i = 0; i < 3; i++) await dispatchOnce({ db: shop.db, subscribers: [subscriber], processId: 'test' });
  expect(await shop.db.selectFrom('event_subscription').select(['updated_at', 'position']).where('name', '=', 'picky').executeTakeFirstOrThrow()).toEqual(row);
});

test('a failing event: those before it get through, it is retried with backoff, other subscribers go on; once it works, the rest follow', async () => {
  let broken = true;
  const { subscriber, seen } = recorder('fragile', ['product.updated'], (e) => broken && e.payload.changed instanceof Array && e.payload.changed[0] === 'poison');
  const healthy = recorder('healthy');
  await drain(shop.db, [subscriber, healthy.subscriber]);
  await record(shop.db, 2, 'f');
  await inTransaction(shop.db, (tx) => recordEvents(tx, [{ type: 'product.updated', resource_type: 'test_resource', resource_id: 'f', payload: { changed: ['poison'] } }]));
  await record(shop.db, 2, 'f');
  const seenBefore = seen.length;
  await drain(shop.db, [subscriber, healthy.subscriber]);

  const ids = await outboxIds('f');
  expect(seen.slice(seenBefore).map((e) => e.id)).toEqual(ids.slice(0, 2));
  expect(healthy.seen.filter((e) => e.resource_id === 'f').map((e) => e.id)).toEqual(ids);
  const failed = await shop.db.selectFrom('event_subscription').selectAll().where('name', '=', 'fragile').executeTakeFirstOrThrow();
  expect(failed.attempts).toBe(1);
  expect(failed.last_error).toMatch(/cannot handle/);
  expect(failed.next_attempt_at.getTime()).toBeGreaterThan(Date.now());
  // Backing off: not tried again before its time.
  await drain(shop.db, [subscriber]);
  expect(seen.length).toBe(seenBefore + 2);

  broken = false;
  await shop.db.updateTable('event_subscription').set({ next_attempt_at: new Date(0) }).where('name', '=', 'fragile').execute();
  await drain(shop.db, [subscriber]);
  expect(seen.slice(seenBefore).map((e) => e.id)).toEqual(ids);
  expect(await shop.db.selectFrom('event_subscription').select(['attempts', 'last_error']).where('name', '=', 'fragile').executeTakeFirstOrThrow()).toEqual({ attempts: 0, last_error: null });
});

test('GET /admin/events/subscriptions: how far behind each subscriber is, since when, and its failures', async () => {
  const { subscriber } = recorder('watched', ['product.updated'], (e) => e.resource_id === 'poison');
  await drain(shop.db, [subscriber]);
  await record(shop.db, 3, 'watched');
  const progress = async () => {
    const body = await shop.ok('GET', '/admin/events/subscriptions');
    return { unsequenced: body.unsequenced, watched: body.data.find((s: any) => s.name === 'watched') };
  };
  expect((await progress()).unsequenced).toBe(3);
  expect((await progress()).watched).toMatchObject({ behind: 0, oldest_waiting_at: null, attempts: 0 });
  await sequenceEvents(shop.db);
  const first = await shop.db.selectFrom('event_outbox').select('created_at').where('resource_id', '=', 'watched').orderBy('dispatch_seq').executeTakeFirstOrThrow();
  const waiting = await progress();
  expect(waiting.unsequenced).toBe(0);
  expect(waiting.watched).toMatchObject({ behind: 3, oldest_waiting_at: new Date(first.created_at).toISOString(), attempts: 0, last_error: null, locked_by: null });
  await drain(shop.db, [subscriber]);
  expect((await progress()).watched).toMatchObject({ behind: 0, attempts: 0 });

  await record(shop.db, 1, 'poison');
  await drain(shop.db, [subscriber]);
  expect((await progress()).watched).toMatchObject({ behind: 1, attempts: 1, last_error: expect.stringContaining('cannot handle') });
  await shop.db.deleteFrom('event_subscription').where('name', '=', 'watched').execute();
});

test('a crash after handling, before saving: the batch comes again (at least once), in the same order', async () => {
  const { subscriber, seen } = recorder('crashy');
  await drain(shop.db, [subscriber]);
  await record(shop.db, 5, 'crash');
  // A process takes the lease and dies: its lease must run out before another process takes over.
  await sequenceEvents(shop.db);
  await shop.db.updateTable('event_subscription').set({ locked_by: 'dead-process', locked_until: new Date(Date.now() + 60_000) }).where('name', '=', 'crashy').execute();
  await drain(shop.db, [subscriber], 'other');
  expect(seen.filter((e) => e.resource_id === 'crash')).toHaveLength(0);
  await shop.db.updateTable('event_subscription').set({ locked_until: new Date(Date.now() - 1) }).where('name', '=', 'crashy').execute();
  await drain(shop.db, [subscriber], 'other');
  expect(seen.filter((e) => e.resource_id === 'crash').map((e) => e.id)).toEqual(await outboxIds('crash'));
});

test('the running dispatcher is woken by commits in its process', async () => {
  const { subscriber, seen } = recorder('live');
  // Polling once an hour: only the wake-up a commit sends can bring the event within the wait below.
  const dispatcher = await startDispatcher({ db: shop.db, subscribers: [subscriber], processId: 'live', intervalMs: 3_600_000, log: { error: console.error, warn: console.warn } });
  await waitFor(async () => (await shop.db.selectFrom('event_subscription').select('position').where('name', '=', 'live').executeTakeFirst())?.position
    === Number((await sql<{ max: number }>`select max(dispatch_seq) as max from event_outbox`.execute(shop.db)).rows[0].max), 5000, 'catch-up');
  await record(shop.db, 1, 'woken');
  await waitFor(() => seen.some((e) => e.resource_id === 'woken'), 10_000, 'the woken event');
  expect(seen.filter((e) => e.resource_id === 'woken').map((e) => e.id)).toEqual(await outboxIds('woken'));
  await dispatcher.stop();
});

test.skipIf(!onServer)('PostgreSQL: an event that commits after a later one is dispatched after it, never skipped', async () => {
  const other = await shop.database.openAnother();
  const { subscriber, seen } = recorder('commit-order');
  await drain(shop.db, [subscriber]);
  // Transaction A inserts first (lower seq) but commits last.
  let commitA!: () => void;
  const aInserted = new Promise<void>((inserted) => {
    void other.db.transaction().execute(async (tx) => {
      await tx.insertInto('event_outbox').values({ id: 'evt_A', type: 'product.updated', resource_type: 'test_resource', resource_id: 'order-test', payload: '{}' }).execute();
      inserted();
      await new Promise<void>((resolve) => (commitA = resolve));
    });
  });
  await aInserted;
  await inTransaction(shop.db, (tx) => recordEvents(tx, [{ type: 'product.updated', resource_type: 'test_resource', resource_id: 'order-test-b', payload: {} }]));
  await drain(shop.db, [subscriber]);
  expect(seen.filter((e) => e.resource_id.startsWith('order-test')).map((e) => e.resource_id)).toEqual(['order-test-b']);
  commitA();
  await waitFor(async () => (await shop.db.selectFrom('event_outbox').select('id').where('id', '=', 'evt_A').executeTakeFirst()) !== undefined, 5000, 'A committed');
  await drain(shop.db, [subscriber]);
  const got = seen.filter((e) => e.resource_id.startsWith('order-test'));
  expect(got.map((e) => e.id).slice(1)).toEqual(['evt_A']);
  expect(got[1].seq).toBeLessThan(got[0].seq);
  expect(got[1].position).toBe(got[0].position + 1);
});

// Two dispatchers in this Node process, each on its own connection pool on PostgreSQL (one pool on the
// embedded database): they race for the same rows as two processes would. Real processes share the
// work in test/cluster-automation.test.ts.
test('two dispatchers on their own connection pools share the outbox: each event once per subscriber, in order', async () => {
  const other = onServer ? (await shop.database.openAnother()).db : shop.db;
  const { subscriber, seen } = recorder('shared');
  await drain(shop.db, [subscriber]);
  const log = { error: console.error, warn: console.warn };
  const a = await startDispatcher({ db: shop.db, subscribers: [subscriber], processId: 'A', intervalMs: 20, log });
  const b = await startDispatcher({ db: other, subscribers: [subscriber], processId: 'B', intervalMs: 20, log });
  const writers = [shop.db, other].map(async (db, w) => {
    for (let i = 0; i < 20; i++) await record(db, 3, `shared-${(i + w) % 4}`);
  });
  await Promise.all(writers);
  await waitFor(() => seen.filter((e) => e.resource_id.startsWith('shared-')).length >= 120, 15_000, 'all 120 events');
  await a.stop();
  await b.stop();
  const mine = seen.filter((e) => e.resource_id.startsWith('shared-'));
  expect(new Set(mine.map((e) => e.id)).size).toBe(120);
  expect(mine).toHaveLength(120); // no crash, so no repeat
  const positions = mine.map((e) => e.position);
  expect(positions).toEqual([...positions].sort((x, y) => x - y));
  for (let r = 0; r < 4; r++) expect(mine.filter((e) => e.resource_id === `shared-${r}`).map((e) => e.id)).toEqual(await outboxIds(`shared-${r}`));
});

test('an idle round asks once for every subscriber, and one finds the events another process sequenced', async () => {
  const subscribers = ['idle-a', 'idle-b', 'idle-c', 'idle-d'].map((name) => recorder(name));
  await drain(shop.db, subscribers.map((s) => s.subscriber));
  const idle = await countStatements(shop, () => dispatchOnce({ db: shop.db, subscribers: subscribers.map((s) => s.subscriber), processId: 'test' }));
  // Anything left to sequence, and which subscribers have work: 2, not 1 + one a subscriber.
  expect([idle.result, idle.statements]).toEqual([false, 2]);

  await record(shop.db, 3, 'elsewhere');
  // Another process sequences them: this round sequences nothing, and still hands them over.
  expect(await sequenceEvents(shop.db)).toBe(3);
  await drain(shop.db, subscribers.map((s) => s.subscriber));
  const ids = await outboxIds('elsewhere');
  expect(subscribers.map((s) => s.seen.filter((e) => e.resource_id === 'elsewhere').map((e) => e.id))).toEqual(Array(4).fill(ids));
});
