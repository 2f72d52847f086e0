import { sql, type Selectable } from 'kysely';
import { decrypt, encrypt } from '../../crypto/data-encryption.ts';
import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { ifGiven } from '../../db/patch.ts';
import { AppError } from '../../errors.ts';
import { EVENT_PREFIXES, eventDefinition } from '../events/catalogue.ts';
import { recordEvents } from '../events/outbox.ts';
import { assertWebhookUrlAllowed, type AddressPolicy } from './address-policy.ts';
import type { WebhookEndpointTable } from './schema.ts';
import type { WebhookEndpointInput, WebhookEndpointUpdate } from './shapes.ts';
import { newWebhookSecret } from './signature.ts';

/**
 * Webhook endpoints: a URL, the events it takes, a signing secret (encrypted at rest, shown when the
 * endpoint is created and on request), and whether it is enabled. The URL is checked against the
 * address policy when it is saved (and again at every delivery).
 */
export type WebhookEndpointRecord = Omit<Selectable<WebhookEndpointTable>, 'secret'> & { object: 'webhook_endpoint' };

const columns = ['id', 'url', 'description', 'events', 'enabled', 'disabled_reason', 'disabled_at', 'last_success_at', 'last_failure_at', 'metadata', 'created_at', 'updated_at'] as const;

const toRecord = (row: Omit<WebhookEndpointRecord, 'object'>): WebhookEndpointRecord => ({ ...row, object: 'webhook_endpoint' });

/** Refuses a filter entry that names no event: `*`, a catalogued type, or a catalogued prefix with `.*`. */
function assertEventFilter(events: readonly string[]): void {
  events.forEach((entry, i) => {
    const known = entry === '*' || eventDefinition(entry) !== undefined || (entry.endsWith('.*') && EVENT_PREFIXES.has(entry.slice(0, -2)));
    if (!known) throw new AppError('unknown_event_type', { field: `body.events[${i}]`, event_type: entry });
  });
}

export async function getWebhookEndpointOrThrow(db: Db, id: string): Promise<WebhookEndpointRecord> {
  const row = await db.selectFrom('webhook_endpoint').select(columns).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('webhook_endpoint_not_found', { id });
  return toRecord(row);
}

/** Endpoints, newest first, paged by id. */
export async function listWebhookEndpoints(db: Db, page: { after?: unknown[]; limit: number }): Promise<{ data: WebhookEndpointRecord[]; next: unknown[] | null }> {
  let query = db.selectFrom('webhook_endpoint').select(columns);
  if (page.after) {
    const [id] = page.after;
    if (typeof id !== 'string' || page.after.length !== 1) throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    query = query.where('id', '<', id);
  }
  const rows = await query.orderBy('id', 'desc').limit(page.limit + 1).execute();
  const data = rows.slice(0, page.limit).map(toRecord);
  return { data, next: rows.length > page.limit ? [data[data.length - 1].id] : null };
}

export async function createWebhookEndpoint(db: Db, input: WebhookEndpointInput, policy: AddressPolicy): Promise<WebhookEndpointRecord & { secret: string }> {
  assertEventFilter(input.events);
  await assertWebhookUrlAllowed(input.url, policy);
  const secret = newWebhookSecret();
  return inTransaction(db, async (tx) => {
    const enabled = input.enabled ?? true;
    const row = await tx.insertInto('webhook_endpoint').values({
      id: newId('we'), url: input.url, description: input.description ?? null, events: [...input.events], secret: encrypt(secret),
      enabled, disabled_reason: enabled ? null : 'manual', disabled_at: enabled ? null : new Date(),
      metadata: JSON.stringify(input.metadata ?? {}),
    }).returning(columns).executeTakeFirstOrThrow();
    await recordEvents(tx, [{ type: 'webhook_endpoint.created', resource_type: 'webhook_endpoint', resource_id: row.id, payload: { id: row.id, url: row.url, events: row.events } }]);
    return { ...toRecord(row), secret };
  });
}

/** Updates the given fields. Enabling an endpoint again clears why it was disabled; its pending deliveries resume. */
export async function updateWebhookEndpoint(db: Db, id: string, patch: WebhookEndpointUpdate, policy: AddressPolicy): Promise<WebhookEndpointRecord> {
  if (patch.events) assertEventFilter(patch.events);
  if (patch.url !== undefined) await assertWebhookUrlAllowed(patch.url, policy);
  return inTransaction(db, async (tx) => {
    const current = await lockEndpoint(tx, id);
    const { metadata, events, enabled, ...fields } = patch;
    const enabling = enabled === true && !current.enabled;
    const disabling = enabled === false && current.enabled;
    const row = await tx.updateTable('webhook_endpoint').set({
      ...fields,
      ...(events ? { events: [...events] } : {}),
      metadata: ifGiven(metadata, (m) => JSON.stringify(m)),
      ...(enabling ? { enabled: true, disabled_reason: null, disabled_at: null } : {}),
      ...(disabling ? { enabled: false, disabled_reason: 'manual', disabled_at: new Date() } : {}),
      updated_at: new Date(),
    }).where('id', '=', id).returning(columns).executeTakeFirstOrThrow();
    await recordEvents(tx, [{ type: 'webhook_endpoint.updated', resource_type: 'webhook_endpoint', resource_id: id, payload: { id, url: row.url, changed: Object.keys(patch) } }]);
    return toRecord(row);
  });
}

/** Replaces the signing secret; deliveries from now on are signed with the new one. */
export async function rotateWebhookSecret(db: Db, id: string): Promise<WebhookEndpointRecord & { secret: string }> {
  const secret = newWebhookSecret();
  return inTransaction(db, async (tx) => {
    await lockEndpoint(tx, id);
    const row = await tx.updateTable('webhook_endpoint').set({ secret: encrypt(secret), updated_at: new Date() })
      .where('id', '=', id).returning(columns).executeTakeFirstOrThrow();
    await recordEvents(tx, [{ type: 'webhook_endpoint.updated', resource_type: 'webhook_endpoint', resource_id: id, payload: { id, url: row.url, changed: ['secret'] } }]);
    return { ...toRecord(row), secret };
  });
}

export async function revealWebhookSecret(db: Db, id: string): Promise<string> {
  const row = await db.selectFrom('webhook_endpoint').select('secret').where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('webhook_endpoint_not_found', { id });
  return decrypt(row.secret);
}

/** Deletes the endpoint with its deliveries and their log. */
export async function deleteWebhookEndpoint(db: Db, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const row = await tx.deleteFrom('webhook_endpoint').where('id', '=', id).returning(['id', 'url']).executeTakeFirst();
    if (!row) throw new AppError('webhook_endpoint_not_found', { id });
    await recordEvents(tx, [{ type: 'webhook_endpoint.deleted', resource_type: 'webhook_endpoint', resource_id: id, payload: { id, url: row.url } }]);
  });
}

async function lockEndpoint(tx: Tx, id: string): Promise<{ enabled: boolean }> {
  const row = await tx.selectFrom('webhook_endpoint').select(['enabled']).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new AppError('webhook_endpoint_not_found', { id });
  return row;
}

/**
 * Disables an endpoint that keeps failing: when one of its deliveries used up its retries and nothing
 * was delivered to it since that delivery was created. Records webhook_endpoint.disabled, which emails
 * the staff who manage webhooks (notifications/staff-alerts.ts). Returns whether it disabled it.
 */
export async function disableFailingEndpoint(tx: Tx, endpointId: string, delivery: { id: string; created_at: Date; last_error: string | null }): Promise<boolean> {
  const disabled = await sql<{ id: string; url: string }>`
    update webhook_endpoint set enabled = false, disabled_reason = 'failing', disabled_at = now(), updated_at = now()
    where id = ${endpointId} and enabled and (last_success_at is null or last_success_at < ${delivery.created_at})
    returning id, url`.execute(tx);
  const row = disabled.rows[0];
  if (!row) return false;
  await recordEvents(tx, [{
    type: 'webhook_endpoint.disabled', resource_type: 'webhook_endpoint', resource_id: row.id,
    payload: { id: row.id, url: row.url, reason: 'failing', delivery_id: delivery.id, last_error: delivery.last_error },
  }]);
  return true;
}
