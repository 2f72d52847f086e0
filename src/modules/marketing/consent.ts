import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import type { ConsentChannel } from './schema.ts';

export interface ChannelConsent {
  granted: boolean;
  source: string | null;
  recorded_at: Date | null;
}
export type ConsentState = Record<ConsentChannel, ChannelConsent>;

const CHANNELS: readonly ConsentChannel[] = ['email', 'sms'];
const none: ChannelConsent = { granted: false, source: null, recorded_at: null };

/** A customer's consent now, per channel: their latest record there, or none (never asked is no consent). */
export async function currentConsent(db: Db, customerId: string): Promise<ConsentState> {
  const { rows } = await sql<{ channel: ConsentChannel; granted: boolean; source: string; recorded_at: Date }>`
    select distinct on (channel) channel, granted, source, recorded_at from marketing_consent
    where customer_id = ${customerId} order by channel, recorded_at desc, id desc`.execute(db);
  const state: ConsentState = { email: none, sms: none };
  for (const row of rows) state[row.channel] = { granted: row.granted, source: row.source, recorded_at: new Date(row.recorded_at) };
  return state;
}

/** Oldest first; one request's records (same moment) by channel, since ids made in one millisecond need not sort. */
export async function consentHistory(db: Db, customerId: string) {
  return db.selectFrom('marketing_consent').select(['channel', 'granted', 'source', 'recorded_at'])
    .where('customer_id', '=', customerId).orderBy('recorded_at').orderBy('channel').orderBy('id').execute();
}

/**
 * Records the channels given (true: granted, false: withdrawn), with where from. A channel whose
 * consent does not change adds nothing. A change is an event (`customer.marketing_consent_changed`),
 * which the marketing sync acts on.
 */
export async function recordConsent(db: Db, customerId: string, input: { email?: boolean; sms?: boolean; source: string }): Promise<ConsentState> {
  return inTransaction(db, async (tx) => {
    const customer = await tx.selectFrom('customer').select('id').where('id', '=', customerId).where('anonymized_at', 'is', null).forUpdate().executeTakeFirst();
    if (!customer) throw new AppError('customer_not_found', { id: customerId });
    const before = await currentConsent(tx, customerId);
    const changed = CHANNELS.filter((c) => input[c] !== undefined && input[c] !== before[c].granted);
    if (changed.length === 0) return before;
    await tx.insertInto('marketing_consent').values(changed.map((channel) => ({
      id: newId('mcon'), customer_id: customerId, channel, granted: input[channel]!, source: input.source,
    }))).execute();
    const after = await currentConsent(tx, customerId);
    await recordEvents(tx, [{
      type: 'customer.marketing_consent_changed', resource_type: 'customer', resource_id: customerId,
      payload: { customer_id: customerId, email: after.email.granted, sms: after.sms.granted, source: input.source },
    }]);
    return after;
  });
}

/** Withdraws every consent a customer has (their data was erased): no event, the caller acts on it. */
export async function withdrawAllConsent(db: Db, customerId: string, source: string): Promise<void> {
  const now = await currentConsent(db, customerId);
  const granted = CHANNELS.filter((c) => now[c].granted);
  if (granted.length === 0) return;
  await db.insertInto('marketing_consent').values(granted.map((channel) => ({ id: newId('mcon'), customer_id: customerId, channel, granted: false, source }))).execute();
}
