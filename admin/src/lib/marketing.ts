import { api, ok } from '../api.ts';
import type { paths } from '../../../src/client/index.ts';
import { formatMoney, formatNumber } from './format.ts';

export type Segment = paths['/admin/segments/{id}']['get']['responses'][200]['content']['application/json'];

/** Every segment, for the Segments page and the promotion editor's conditions. */
export const segmentsQuery = {
  queryKey: ['segments'],
  queryFn: () => ok(api.GET('/admin/segments')),
};

export const customerGroupsQuery = { queryKey: ['customer-groups'], queryFn: () => ok(api.GET('/admin/customer-groups')) };

/** A segment's rules in words, every one of which must hold: "in Wholesale · spent at least $100.00". */
export function describeRules(rules: Segment['rules'], groupName: (id: string) => string): string {
  const parts = [
    rules.group_ids?.length ? `in ${rules.group_ids.map(groupName).join(' or ')}` : null,
    rules.min_total_spent ? `spent at least ${formatMoney(rules.min_total_spent.amount, rules.min_total_spent.currency_code)}` : null,
    rules.ordered_within_days ? `ordered in the last ${formatNumber(rules.ordered_within_days)} days` : null,
    rules.product_ids?.length ? (rules.product_ids.length === 1 ? 'bought the chosen product' : `bought one of ${formatNumber(rules.product_ids.length)} products`) : null,
  ].filter(Boolean);
  return parts.join(' · ') || 'Every customer';
}
