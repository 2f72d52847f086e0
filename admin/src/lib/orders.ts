import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../api.ts';
import type { paths } from '../../../src/client/index.ts';
import { formatMoney } from './format.ts';

export type Order = paths['/admin/orders/{id}']['get']['responses'][200]['content']['application/json'];
export type OrderLine = Order['items'][number];

export const orderKeys = {
  all: ['orders'] as const,
  detail: (id: string) => ['orders', id] as const,
};

export function useOrder(id: string) {
  return useQuery({ queryKey: orderKeys.detail(id), queryFn: () => ok(api.GET('/admin/orders/{id}', { params: { path: { id } } })) });
}

/** After an order action: the order and every list it appears in are refetched; stock changed too. */
export function useOrderChanged(id: string) {
  const queryClient = useQueryClient();
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: orderKeys.detail(id) }),
    queryClient.invalidateQueries({ queryKey: ['orders', 'list'] }),
    queryClient.invalidateQueries({ queryKey: ['inventory'] }),
    queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
  ]);
}

export function useLocations() {
  return useQuery({ queryKey: ['inventory', 'locations'], staleTime: 60_000, queryFn: () => ok(api.GET('/admin/inventory/locations', { params: { query: { limit: 100 } } })) });
}

/** Units of a line still to fulfill. */
export function unfulfilled(line: OrderLine): number {
  return line.quantity - line.fulfilled_quantity;
}

/** Units delivered and not yet returned or asked back: what a return may take. */
export function returnable(line: OrderLine): number {
  return line.delivered_quantity - line.returned_quantity - line.requested_return_quantity;
}

/** "Customer owes $12.00", "Shop owes the customer $5.00": a balance in words. */
export function balanceInWords(balance: number, currency: string): string {
  if (balance > 0) return `Customer owes ${formatMoney(balance, currency)}`;
  if (balance < 0) return `Shop owes the customer ${formatMoney(-balance, currency)}`;
  return 'Settled: nothing owed either way';
}
