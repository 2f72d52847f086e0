import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { POLICY_TOPICS, type AssistantPolicies, type PolicyTopic } from './schema.ts';

const SETTINGS_ID = 'default';

export interface AssistantSettings { policies: AssistantPolicies }

export async function getAssistantSettings(db: Db): Promise<AssistantSettings> {
  const row = await db.selectFrom('assistant_settings').select('policies').where('id', '=', SETTINGS_ID).executeTakeFirst();
  return { policies: row?.policies ?? {} };
}

/** Sets the policies given; `null` (or an empty text) removes one, the others stay as they were. */
export async function updateAssistantSettings(db: Db, input: { policies?: Partial<Record<PolicyTopic, string | null>> }): Promise<AssistantSettings> {
  const current = await getAssistantSettings(db);
  const policies: AssistantPolicies = { ...current.policies };
  for (const topic of POLICY_TOPICS) {
    const text = input.policies?.[topic];
    if (text === undefined) continue;
    if (text === null || !text.trim()) delete policies[topic];
    else policies[topic] = text.trim();
  }
  await db.insertInto('assistant_settings').values({ id: SETTINGS_ID, policies: JSON.stringify(policies) })
    .onConflict((oc) => oc.column('id').doUpdateSet({ policies: JSON.stringify(policies), updated_at: sql`now()` })).execute();
  return { policies };
}
