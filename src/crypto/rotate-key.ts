import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { decrypt, emailHash, encrypt, isEncrypted, keyIdOf } from './data-encryption.ts';

/**
 * Every column that holds encrypted personal data, and the blind indexes beside them. A module that
 * adds one lists it here, so `cartwright rotate-key` re-encrypts it. (Columns are either a ciphertext
 * string, or jsonb `{ "enc": ciphertext }`.)
 */
const ENCRYPTED: { table: string; key?: string[]; text: string[]; json: string[]; emailHash?: { column: string; from: string } }[] = [
  { table: 'customer', text: ['email', 'first_name', 'last_name', 'phone'], json: [], emailHash: { column: 'email_hash', from: 'email' } },
  { table: 'customer_address', text: ['address'], json: [] },
  { table: 'cart', text: ['email'], json: ['shipping_address', 'billing_address'] },
  { table: 'orders', text: ['email'], json: ['shipping_address', 'billing_address'], emailHash: { column: 'email_hash', from: 'email' } },
  { table: 'email_message', text: ['recipient', 'text_body', 'html_body'], json: [] },
  // Stored answers replayed for an Idempotency-Key (src/http/idempotency.ts).
  { table: 'idempotency_key', key: ['scope', 'key'], text: ['response_body'], json: [] },
  // Event payload fields holding personal data (order.placed's order), merged in at delivery.
  { table: 'event_outbox', text: ['sealed'], json: [] },
];

function reencrypt(value: string): string {
  return encrypt(decrypt(value));
}

/**
 * Re-encrypts every value under the current data key and recomputes the blind indexes, a batch of
 * rows per transaction. Run it after putting a new key first in CARTWRIGHT_DATA_KEY (keep the old one
 * listed until it finishes). Returns the rows rewritten per table.
 */
export async function rotateDataKey(db: Db, currentKeyId: string, batch = 500): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const spec of ENCRYPTED) {
    counts[spec.table] = 0;
    const keyColumns = spec.key ?? ['id'];
    const keyRef = sql.join(keyColumns.map((c) => sql.ref(c)));
    let after: unknown[] | null = null;
    for (;;) {
      const columns = [...spec.text, ...spec.json, ...(spec.emailHash ? [spec.emailHash.column] : [])].map((c) => sql.ref(c));
      const rows: Record<string, unknown>[] = (await sql<Record<string, unknown>>`
        select ${keyRef}, ${sql.join(columns)} from ${sql.table(spec.table)}
        where ${after ? sql`(${keyRef}) > (${sql.join(after)})` : sql`true`} order by ${keyRef} limit ${batch}`.execute(db)).rows;
      if (rows.length === 0) break;
      const last: Record<string, unknown> = rows[rows.length - 1];
      after = keyColumns.map((c) => last[c]);
      await inTransaction(db, async (tx) => {
        for (const row of rows) {
          const set: Record<string, unknown> = {};
          for (const column of spec.text) {
            const value = row[column];
            if (isEncrypted(value) && keyIdOf(value) !== currentKeyId) set[column] = reencrypt(value);
          }
          for (const column of spec.json) {
            const value = row[column] as { enc?: string } | null;
            if (value?.enc && keyIdOf(value.enc) !== currentKeyId) set[column] = JSON.stringify({ enc: reencrypt(value.enc) });
          }
          if (spec.emailHash && isEncrypted(row[spec.emailHash.from])) {
            const hash = emailHash(decrypt(row[spec.emailHash.from] as string));
            if (hash !== row[spec.emailHash.column]) set[spec.emailHash.column] = hash;
          }
          if (Object.keys(set).length === 0) continue;
          await sql`update ${sql.table(spec.table)} set ${sql.join(Object.entries(set).map(([c, v]) => sql`${sql.ref(c)} = ${v}`))}
            where (${keyRef}) = (${sql.join(keyColumns.map((c) => row[c]))})`.execute(tx);
          counts[spec.table]++;
        }
      });
    }
  }
  return counts;
}
