import type { Generated } from 'kysely';
import type { CreatedAt, NullableTimestamp } from '../../db/column-types.ts';

export type BalanceKind = 'gift_card' | 'store_credit';
export type GiftCardStatus = 'active' | 'disabled';

/**
 * A balance a buyer can pay with: a gift card (found by the hash of its code, which is shown once) or
 * a customer's store credit in one currency (one row per customer and currency). `balance` never goes
 * below zero (CHECK); every change to it is a gift_card_movement row.
 */
export interface GiftCardTable {
  id: string;
  kind: BalanceKind;
  /** SHA-256 of the code in upper case; null for store credit. */
  code_hash: string | null;
  last4: string | null;
  currency_code: string;
  initial_value: Generated<number>;
  balance: number;
  status: Generated<GiftCardStatus>;
  expires_at: NullableTimestamp;
  customer_id: string | null;
  note: string | null;
  created_by: string;
  /** A card sold in an order: the line and which of its units (1…quantity) it was issued for. */
  order_line_item_id: Generated<string | null>;
  order_unit: Generated<number | null>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

/**
 * issue (a card's initial value) · adjust (staff, a card, either sign) · grant / debit (staff, store
 * credit) · redeem (checkout spent it) · restore (that checkout was undone) · refund (a refund paid
 * back to it).
 */
export type MovementKind = 'issue' | 'adjust' | 'grant' | 'debit' | 'redeem' | 'restore' | 'refund';

export interface GiftCardMovementTable {
  id: string;
  gift_card_id: string;
  kind: MovementKind;
  /** Signed: what the balance changed by. */
  amount: number;
  balance_before: number;
  balance_after: number;
  reason: string | null;
  order_id: string | null;
  /** What makes a credit happen once (a refund's payment operation id); unique. */
  reference: string | null;
  /** Who: `user:usr_…`, `api_key:…`, `checkout`, `refund`. */
  actor: string;
  created_at: CreatedAt;
}

/** The gift cards a cart applies, in the order entered. */
export interface CartGiftCardTable {
  cart_id: string;
  gift_card_id: string;
  created_at: CreatedAt;
}

/** The signed-in buyer's store credit applied to a cart; `amount` caps it (null: as much as needed). */
export interface CartStoreCreditTable {
  cart_id: string;
  amount: number | null;
  created_at: CreatedAt;
}

export interface GiftCardTables {
  gift_card: GiftCardTable;
  gift_card_movement: GiftCardMovementTable;
  cart_gift_card: CartGiftCardTable;
  cart_store_credit: CartStoreCreditTable;
}

declare module '../../db/database.ts' {
  interface Database extends GiftCardTables {}
}
