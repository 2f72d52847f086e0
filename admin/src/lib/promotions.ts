import type { paths } from '../../../src/client/index.ts';
import { api, ok } from '../api.ts';
import { formatMoney } from './format.ts';

export type Promotion = paths['/admin/promotions/{id}']['get']['responses'][200]['content']['application/json'];

/** Where a promotion stands for a buyer now: what staff look for first in the list. */
export function promotionStatus(p: Promotion, now = Date.now()): 'active' | 'scheduled' | 'expired' | 'used_up' | 'disabled' {
  if (!p.active) return 'disabled';
  if (p.ends_at && Date.parse(p.ends_at) <= now) return 'expired';
  if (p.usage_limit !== null && p.usage_count >= p.usage_limit) return 'used_up';
  if (p.budget && p.budget.used >= p.budget.amount) return 'used_up';
  if (p.starts_at && Date.parse(p.starts_at) > now) return 'scheduled';
  return 'active';
}

/** "10 % off the order", "$5.00 off matching items", "Buy 2, get 1 free", "Free shipping". */
export function describeDiscount(p: Promotion): string {
  const on = p.target === 'items' ? 'matching items' : 'the order';
  if (p.type === 'free_shipping') return 'Free shipping';
  if (p.type === 'buy_x_get_y') {
    const off = p.value === null || p.value === 100 ? 'free' : `at ${p.value} % off`;
    return `Buy ${p.buy_quantity}, get ${p.get_quantity} ${off}`;
  }
  if (p.tiers.length) return `Tiered: ${p.tiers.length} levels off ${on}`;
  if (p.type === 'percentage') return `${p.value} % off ${on}`;
  const amounts = (p.amounts ?? []).map((a) => formatMoney(a.amount, a.currency_code)).join(' / ');
  return `${amounts} off ${on}`;
}

export type Campaign = paths['/admin/campaigns/{id}']['get']['responses'][200]['content']['application/json'];

/** Every campaign, for the promotion editor's picker and the Campaigns page. */
export const campaignsQuery = {
  queryKey: ['campaigns'],
  queryFn: () => ok(api.GET('/admin/campaigns', { params: { query: { limit: 100 } } })),
};

/** "$12.00 of $500.00" per currency: what a campaign's budgets have given of what they allow. */
export function describeBudgets(c: Campaign): string {
  return c.budgets.map((b) => `${formatMoney(b.used, b.currency_code)} of ${formatMoney(b.amount, b.currency_code)}`).join(', ') || 'No budget';
}
