import type { BalanceKind, GiftCardStatus } from './schema.ts';

/** A balance a cart applies, as the cart read joins it. `cap`: what the buyer allows of it (store credit). */
export interface BalanceSource {
  id: string;
  kind: BalanceKind;
  last4: string | null;
  currency_code: string;
  balance: number;
  status: GiftCardStatus;
  expires_at: Date | string | null;
  cap: number | null;
}

export type BalanceProblem = 'gift_card_disabled' | 'gift_card_expired' | 'gift_card_currency_mismatch' | 'gift_card_insufficient_balance';

export interface AppliedBalance {
  id: string;
  kind: BalanceKind;
  last4: string | null;
  amount: number;
  /** Why it gives nothing (disabled, expired, other currency, empty); null when usable. */
  problem: BalanceProblem | null;
}

export interface BalanceAllocation {
  applied: AppliedBalance[];
  /** What the balances pay together; the rest is paid by card. */
  total: number;
}

/** Why a balance cannot pay a cart in `currencyCode` now; null when it can. */
export function problemOf(source: Pick<BalanceSource, 'currency_code' | 'status' | 'expires_at' | 'balance'>, currencyCode: string, now: Date): BalanceProblem | null {
  if (source.currency_code !== currencyCode) return 'gift_card_currency_mismatch';
  if (source.status === 'disabled') return 'gift_card_disabled';
  if (source.expires_at !== null && new Date(source.expires_at) <= now) return 'gift_card_expired';
  if (source.balance <= 0) return 'gift_card_insufficient_balance';
  return null;
}

/**
 * Spreads the cart's total over its balances: gift cards in the order entered, then store credit, each
 * paying as much as it holds (store credit: up to the buyer's cap) of what is left. Integer minor units,
 * nothing below zero.
 */
export function allocateBalances(sources: BalanceSource[], total: number, currencyCode: string, now: Date): BalanceAllocation {
  let rest = total;
  const ordered = [...sources.filter((s) => s.kind === 'gift_card'), ...sources.filter((s) => s.kind === 'store_credit')];
  const applied = ordered.map((source) => {
    const problem = problemOf(source, currencyCode, now);
    const amount = problem ? 0 : Math.min(source.balance, source.cap ?? source.balance, rest);
    rest -= amount;
    return { id: source.id, kind: source.kind, last4: source.last4, amount, problem };
  });
  return { applied, total: total - rest };
}
