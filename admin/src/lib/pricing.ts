import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api.ts';
import type { paths } from '../../../src/client/index.ts';
import { formatDay } from './format.ts';

export type PriceList = paths['/admin/price-lists/{id}']['get']['responses'][200]['content']['application/json'];
export type PriceListSummary = paths['/admin/price-lists']['get']['responses'][200]['content']['application/json']['data'][number];

export function useCustomerGroups() {
  return useQuery({ queryKey: ['customer-groups'], queryFn: () => ok(api.GET('/admin/customer-groups')) });
}

/** "from 1 Jun 2027 until 1 Jul 2027", "Always". */
export function describeWindow(list: Pick<PriceListSummary, 'starts_at' | 'ends_at'>): string {
  return [list.starts_at ? `from ${formatDay(list.starts_at)}` : null, list.ends_at ? `until ${formatDay(list.ends_at)}` : null].filter(Boolean).join(' ') || 'Always';
}

/** Where a list stands now: draft, or active and scheduled, running or ended. */
export function priceListStatus(list: PriceListSummary, now = Date.now()): 'draft' | 'scheduled' | 'active' | 'expired' {
  if (list.status === 'draft') return 'draft';
  if (list.ends_at && Date.parse(list.ends_at) <= now) return 'expired';
  if (list.starts_at && Date.parse(list.starts_at) > now) return 'scheduled';
  return 'active';
}
