import type { CreatedAt } from '../../db/column-types.ts';

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

export interface MarketingTables {
  marketing_consent: MarketingConsentTable;
}

declare module '../../db/database.ts' {
  interface Database extends MarketingTables {}
}
