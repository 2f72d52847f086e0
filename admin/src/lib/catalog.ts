import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api.ts';

/** The currencies the shop sells in: one per region. */
export function useCurrencies() {
  return useQuery({
    queryKey: ['regions', 'currencies'],
    staleTime: 5 * 60_000,
    queryFn: async () => [...new Set((await ok(api.GET('/admin/regions', { params: { query: { limit: 100 } } }))).data.map((r) => r.currency_code))].sort(),
  });
}

export function useCollections() {
  return useQuery({ queryKey: ['collections'], staleTime: 60_000, queryFn: () => ok(api.GET('/admin/collections', { params: { query: { limit: 100 } } })) });
}

/** Up to ten products whose title or SKU matches `text` (the server searches), once two characters are typed. */
export function useProductSearch(text: string) {
  return useQuery({
    queryKey: ['products', 'list', { q: text, limit: 10 }],
    enabled: text.length > 1,
    queryFn: () => ok(api.GET('/admin/products', { params: { query: { q: text, limit: 10 } } })),
  });
}
