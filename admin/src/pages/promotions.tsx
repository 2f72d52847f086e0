import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { api, ok } from '../api.ts';
import { formatDay, formatMoney, formatNumber } from '../lib/format.ts';
import { describeDiscount, promotionStatus } from '../lib/promotions.ts';
import { useCan } from '../lib/session.tsx';
import { useDebouncedSearch, useSetSearch } from '../lib/use-list.ts';
import { StatusBadge } from '../ui/badge.tsx';
import { Page } from '../ui/page.tsx';
import { DataTable, Pagination } from '../ui/table.tsx';

export default function PromotionsPage() {
  const search = useSearch({ from: '/signed-in/promotions' });
  const setSearch = useSetSearch();
  const can = useCan();
  const [text, setText] = useDebouncedSearch(search.q, (q) => setSearch({ q }));
  const promotions = useQuery({
    queryKey: ['promotions', 'list', search],
    placeholderData: keepPreviousData,
    queryFn: () => ok(api.GET('/admin/promotions', { params: { query: { code: search.q, cursor: search.cursor, limit: search.limit ?? 20 } } })),
  });
  return (
    <Page title="Promotions" actions={can('products:write') && <Link to="/promotions/new" className="button button-primary">Create promotion</Link>}>
      <label className="mb-3 flex max-w-md flex-col gap-1 text-sm font-medium">
        Find by code
        <input className="input" type="search" placeholder="SUMMER10" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <DataTable
        caption="Promotions"
        rows={promotions.data?.data}
        rowKey={(p) => p.id}
        loading={promotions.isFetching}
        error={promotions.error}
        onRetry={() => promotions.refetch()}
        empty={search.q ? `No promotion has the code ${search.q}.` : 'No promotions yet: create a code or an automatic discount.'}
        columns={[
          { header: 'Promotion', cell: (p) => <Link to="/promotions/$id" params={{ id: p.id }} className="font-medium">{p.code ?? `Automatic: ${p.description ?? describeDiscount(p)}`}</Link> },
          { header: 'Discount', cell: (p) => describeDiscount(p) },
          { header: 'Status', cell: (p) => <StatusBadge status={promotionStatus(p)} /> },
          { header: 'Uses', align: 'right', cell: (p) => `${formatNumber(p.usage_count)}${p.usage_limit === null ? '' : ` of ${formatNumber(p.usage_limit)}`}` },
          { header: 'Discount given', align: 'right', secondary: true, cell: (p) => p.discount_given.map((d) => formatMoney(d.amount, d.currency_code)).join(', ') || '—' },
          { header: 'Runs', secondary: true, cell: (p) => [p.starts_at ? `from ${formatDay(p.starts_at)}` : null, p.ends_at ? `until ${formatDay(p.ends_at)}` : null].filter(Boolean).join(' ') || 'Always' },
        ]}
      />
      <Pagination search={search} nextCursor={promotions.data?.next_cursor} />
    </Page>
  );
}
