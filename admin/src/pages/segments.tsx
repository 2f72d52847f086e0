import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../api.ts';
import { useCurrencies, useProductSearch } from '../lib/catalog.ts';
import { formatNumber, parseMoney } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { customerGroupsQuery, describeRules, segmentsQuery, type Segment } from '../lib/marketing.ts';
import { useCan } from '../lib/session.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { SelectField, TextField } from '../ui/field.tsx';
import { Card, Page } from '../ui/page.tsx';
import { DataTable } from '../ui/table.tsx';

/** Marketing segments: customers picked out by rules, evaluated when asked (docs/marketing.md#segments). */
export default function SegmentsPage() {
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const list = useQuery(segmentsQuery);
  const groups = useQuery(customerGroupsQuery);
  const groupName = (id: string) => groups.data?.data.find((g) => g.id === id)?.name ?? id;
  const remove = useMutation({
    mutationFn: (s: Segment) => ok(api.DELETE('/admin/segments/{id}', { params: { path: { id: s.id } } })),
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: segmentsQuery.queryKey }); toast('Segment deleted'); },
  });
  return (
    <Page title="Segments">
      {can('customers:write') && <SegmentForm />}
      <ErrorBanner error={remove.error} />
      <DataTable caption="Segments" rows={list.data?.data} rowKey={(s) => s.id} loading={list.isFetching} error={list.error} onRetry={() => list.refetch()}
        empty="No segments yet."
        columns={[
          { header: 'Name', cell: (s) => s.name },
          { header: 'Rules', cell: (s) => describeRules(s.rules, groupName) },
          { header: 'Members', cell: (s) => <Members segment={s} />, align: 'right' },
          ...(can('customers:write') ? [{
            header: 'Actions',
            cell: (s: Segment) => (
              <button type="button" className="button button-danger" aria-label={`Delete ${s.name}`} disabled={remove.isPending}
                onClick={() => { if (window.confirm(`Delete the segment ${s.name}? Its customers stay as they are; promotions limited to it apply to nobody until you change them.`)) remove.mutate(s); }}>
                Delete
              </button>
            ),
          }] : []),
        ]} />
    </Page>
  );
}

/** Membership is one query per segment, so it is counted when asked, never for every row at once. */
function Members({ segment }: { segment: Segment }) {
  const [asked, setAsked] = useState(false);
  const members = useQuery({
    queryKey: ['segments', segment.id, 'customers'],
    enabled: asked,
    queryFn: () => ok(api.GET('/admin/segments/{id}/customers', { params: { path: { id: segment.id } } })),
  });
  if (members.data) return <span className="tabular-nums">{formatNumber(members.data.customer_ids.length)}</span>;
  if (members.error) return <span className="text-[var(--critical-text)]">Could not count</span>;
  return (
    <button type="button" className="button" aria-label={`Count members of ${segment.name}`} disabled={members.isFetching} onClick={() => setAsked(true)}>
      {members.isFetching ? 'Counting…' : 'Count'}
    </button>
  );
}

function SegmentForm() {
  const toast = useToast();
  const queryClient = useQueryClient();
  const currencies = useCurrencies().data ?? [];
  const groups = useQuery(customerGroupsQuery);
  const [name, setName] = useState('');
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const [spentCurrency, setSpentCurrency] = useState('');
  const [spent, setSpent] = useState('');
  const [days, setDays] = useState('');
  const [products, setProducts] = useState<{ id: string; title: string }[]>([]);
  const currency = spentCurrency || currencies[0] || '';
  const spentAmount = spent.trim() ? parseMoney(spent, currency) : null;
  const create = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/segments', {
      body: {
        name: name.trim(),
        rules: {
          ...(groupIds.length ? { group_ids: groupIds } : {}),
          ...(spentAmount !== null ? { min_total_spent: { currency_code: currency, amount: spentAmount } } : {}),
          ...(days.trim() ? { ordered_within_days: Number(days) } : {}),
          ...(products.length ? { product_ids: products.map((p) => p.id) } : {}),
        },
      },
    })),
    onSuccess: async () => {
      setName(''); setGroupIds([]); setSpent(''); setDays(''); setProducts([]);
      await queryClient.invalidateQueries({ queryKey: segmentsQuery.queryKey });
      toast('Segment created');
    },
  });
  const errors = create.fieldErrors;
  return (
    <Card title="Create a segment" className="mb-4">
      <form className="flex flex-col gap-3" onSubmit={(e) => { e.preventDefault(); create.mutate(undefined); }}>
        <ErrorBanner error={create.bannerError} />
        <TextField label="Segment name" required hint="Also the tag its members carry in the marketing tool." value={name} onChange={(e) => setName(e.target.value)} error={errors.name} data-field="name" />
        <p className="text-sm text-[var(--muted)]">Every rule you fill in must hold; none: every customer.</p>
        <fieldset>
          <legend className="mb-1 text-sm font-medium">In any of these groups</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {groups.data?.data.map((g) => (
              <label key={g.id} className="flex items-center gap-2">
                <input type="checkbox" checked={groupIds.includes(g.id)} onChange={(e) => setGroupIds(e.target.checked ? [...groupIds, g.id] : groupIds.filter((x) => x !== g.id))} /> {g.name}
              </label>
            ))}
            {groups.data?.data.length === 0 && <span className="text-sm text-[var(--muted)]">No customer groups yet.</span>}
          </div>
        </fieldset>
        <div className="flex flex-wrap gap-2">
          <TextField className="w-40" label="Spent at least" inputMode="decimal" hint="Placed orders, not canceled." value={spent} onChange={(e) => setSpent(e.target.value)}
            error={errors['rules.min_total_spent.amount'] ?? (spent.trim() && spentAmount === null ? 'Not an amount' : null)} data-field="rules.min_total_spent.amount" />
          <SelectField className="w-28" label="Currency" value={currency} onChange={(e) => setSpentCurrency(e.target.value)}>
            {currencies.map((c) => <option key={c} value={c}>{c}</option>)}
          </SelectField>
          <TextField className="w-48" label="Ordered within (days)" type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)}
            error={errors['rules.ordered_within_days']} data-field="rules.ordered_within_days" />
        </div>
        <ProductPicker picked={products} onChange={setProducts} />
        <div className="flex justify-end"><button type="submit" className="button button-primary" disabled={create.isPending}>Create segment</button></div>
      </form>
    </Card>
  );
}

/** "Bought any of these products": found by title or SKU, the server searching. */
function ProductPicker({ picked, onChange }: { picked: { id: string; title: string }[]; onChange: (next: { id: string; title: string }[]) => void }) {
  const [q, setQ] = useState('');
  const text = q.trim();
  const found = useProductSearch(text);
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">Bought any of these products</legend>
      {picked.length > 0 && (
        <ul aria-label="Products chosen" className="flex flex-wrap gap-2">
          {picked.map((p) => (
            <li key={p.id} className="flex items-center gap-1 text-sm">
              {p.title}
              <button type="button" className="button" aria-label={`Remove ${p.title}`} onClick={() => onChange(picked.filter((x) => x.id !== p.id))}>×</button>
            </li>
          ))}
        </ul>
      )}
      <TextField label="Find a product" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      {text.length > 1 && (
        <ul aria-label="Matching products" aria-busy={found.isFetching || undefined} className="flex flex-col gap-1">
          {found.data && found.data.data.length === 0 && <li className="text-sm text-[var(--muted)]">Nothing matches “{text}”.</li>}
          {found.data?.data.filter((p) => !picked.some((x) => x.id === p.id)).map((p) => (
            <li key={p.id} className="flex items-center gap-2 text-sm">
              <span className="flex-1">{p.title}</span>
              <button type="button" className="button" aria-label={`Add ${p.title}`} onClick={() => { onChange([...picked, { id: p.id, title: p.title }]); setQ(''); }}>Add</button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
