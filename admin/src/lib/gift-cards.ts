import type { paths } from '../../../src/client/index.ts';
import { formatMoney } from './format.ts';

export type GiftCard = paths['/admin/gift-cards/{id}']['get']['responses'][200]['content']['application/json'];
export type BalanceMovement = GiftCard['movements'][number];

/** Active, disabled, or expired (still active but past its date): what staff look for first. */
export function giftCardStatus(card: Pick<GiftCard, 'status' | 'expires_at'>, now = Date.now()): string {
  if (card.status === 'active' && card.expires_at && Date.parse(card.expires_at) <= now) return 'expired';
  return card.status;
}

/** "$30.00 of $50.00" */
export function balanceOf(card: Pick<GiftCard, 'balance' | 'initial_value' | 'currency_code'>): string {
  return `${formatMoney(card.balance, card.currency_code)} of ${formatMoney(card.initial_value, card.currency_code)}`;
}

/** "+$5.00", "−$20.00": a movement's signed change. */
export function signedMoney(amount: number, currency: string): string {
  return `${amount < 0 ? '−' : '+'}${formatMoney(Math.abs(amount), currency)}`;
}
