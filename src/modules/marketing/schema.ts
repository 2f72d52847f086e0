import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../db/column-types.ts';

export type ConsentChannel = 'email' | 'sms';

/**
 * Customers' marketing consent, append-only (GDPR asks to show when and from where consent was given):
 * a customer's consent on a channel is their latest row there; no row is no consent.
 */
export interface MarketingConsentTable {
  id: string;
  customer_id: string;
  channel: ConsentChannel;
  granted: boolean;
  /** Where it was given or withdrawn: storefront, checkout, admin, anonymized… */
  source: string;
  recorded_at: CreatedAt;
}

/** What a segment's members have in common; every rule given must hold (an empty segment has everyone). */
export interface SegmentRules {
  /** In any of these customer groups. */
  group_ids?: string[];
  /** Spent at least this much, over placed orders not canceled, in this currency. */
  min_total_spent?: { currency_code: string; amount: number };
  /** Placed an order in the last this-many days. */
  ordered_within_days?: number;
  /** Bought any of these products. */
  product_ids?: string[];
}

export interface CustomerSegmentTable {
  id: string;
  name: string;
  rules: Json<SegmentRules>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

/** What an event referred to: enough to send it again (marketing-sync.ts), no personal data. */
export interface DeadLetterRefs {
  order_id?: string;
  cart_id?: string;
  product_id?: string;
  /** An abandoned cart's worth when it was announced, in minor units of `currency_code`. */
  value?: number;
  currency_code?: string;
}

/**
 * An event the marketing tool refused for good (a 4xx that means "never"), kept for staff to resend
 * once the cause is fixed, or to discard. One row per provider and event; a refused resend counts an attempt.
 */
export interface MarketingDeadLetterTable {
  id: string;
  provider_id: string;
  event_id: string;
  event_type: string;
  customer_id: string | null;
  refs: Json<DeadLetterRefs>;
  occurred_at: Timestamp;
  /** The tool's HTTP status. */
  status: number;
  error: string;
  attempts: Generated<number>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface MarketingTables {
  marketing_consent: MarketingConsentTable;
  customer_segment: CustomerSegmentTable;
  marketing_dead_letter: MarketingDeadLetterTable;
}

declare module '../../db/database.ts' {
  interface Database extends MarketingTables {}
}
