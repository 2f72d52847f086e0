import type { CreatedAt, JsonWithDefault } from '../../db/column-types.ts';

/** The texts the assistant answers policy questions from, by topic (docs/insights.md). */
export type AssistantPolicies = Partial<Record<PolicyTopic, string>>;
export const POLICY_TOPICS = ['shipping', 'returns', 'payments', 'warranty', 'contact'] as const;
export type PolicyTopic = typeof POLICY_TOPICS[number];

/** The single row of the merchant's assistant settings. */
export interface AssistantSettingsTable {
  id: string;
  policies: JsonWithDefault<AssistantPolicies>;
  updated_at: CreatedAt;
}

/** What a follow-up continues: the last product search and the products it showed. */
export interface ConversationState {
  search?: SearchSlots;
  shown?: string[];
}

/** A product search as parsed from a message (or built by a model's tool call). */
export interface SearchSlots {
  words: string[];
  currency_code?: string;
  price_min?: number;
  price_max?: number;
  /** Option values asked for (Size: "M", Color: "Black"), matched case-insensitively. */
  options: Record<string, string>;
}

export interface ConversationTurn { role: 'user' | 'assistant'; content: string }

/** A conversation: a signed-in customer's alone, or a guest's (whose id is the only key to it). */
export interface AssistantConversationTable {
  id: string;
  customer_id: string | null;
  state: JsonWithDefault<ConversationState>;
  turns: JsonWithDefault<ConversationTurn[]>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface AssistantTables {
  assistant_settings: AssistantSettingsTable;
  assistant_conversation: AssistantConversationTable;
}

declare module '../../db/database.ts' {
  interface Database extends AssistantTables {}
}
