import type { Kysely, Updateable } from 'kysely';
import { signalChange } from '../../db/changes.ts';
import type { Database, Tx } from '../../db/database.ts';
import { recordEvents } from './outbox.ts';

/** The tables whose rows are updated by id and keep an `updated_at`. */
type UpdatedById = { [T in keyof Database]: Database[T] extends { id: string; updated_at: unknown } ? T : never }[keyof Database];

/**
 * How the Admin API's simple resources change (regions, tax rates, shipping options, categories,
 * collections): one UPDATE of the row by id (its given columns, and updated_at; an undefined column is
 * left as it is), `<resource>.updated` recorded naming the fields the request changed, `signal` sent
 * when cached reads show the resource, and the row read back as the API shows it, all in `tx`.
 */
export async function updateAndRecord<T extends UpdatedById, R>(tx: Tx, update: {
  table: T;
  id: string;
  set: Updateable<Database[T]>;
  /** The event's resource type; the patch whose fields it names as `changed`; more payload, if any. */
  event: { resource_type: string; patch: object; payload?: Record<string, unknown> };
  signal?: string;
  reread: (tx: Tx) => Promise<R>;
}): Promise<R> {
  const { table, id, event } = update;
  // Kysely cannot type a statement over a table chosen by a type parameter; `set` was checked at the caller.
  const untyped = tx as unknown as Kysely<Record<string, { id: string; updated_at: Date }>>;
  await untyped.updateTable(table as string).set({ ...(update.set as object), updated_at: new Date() }).where('id', '=', id).execute();
  await recordEvents(tx, [{
    type: `${event.resource_type}.updated`, resource_type: event.resource_type, resource_id: id,
    payload: { id, ...event.payload, changed: Object.keys(event.patch) },
  }]);
  if (update.signal) await signalChange(tx, update.signal);
  return update.reread(tx);
}
