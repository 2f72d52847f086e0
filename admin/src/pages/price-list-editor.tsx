import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useBlocker, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api, idempotencyKey, ok } from '../api.ts';
import type { paths } from '../../../src/client/index.ts';
import { useCurrencies } from '../lib/catalog.ts';
import { formatMoney, formatNumber, fromLocalInput, parseMoney, toLocalInput } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { priceListStatus, useCustomerGroups, type PriceList } from '../lib/pricing.ts';
import { useCan } from '../lib/session.tsx';
import { StatusBadge } from '../ui/badge.tsx';
import { CsvProblems } from '../ui/csv-problems.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { SelectField, TextField } from '../ui/field.tsx';
import { Card, DetailLayout, Page } from '../ui/page.tsx';
import { VariantSearch } from '../ui/variant-search.tsx';

type Input = paths['/admin/price-lists']['post']['requestBody']['content']['application/json'];

export default function PriceListEditorPage() {
  const { id } = useParams({ strict: false }) as { id?: string };
  const list = useQuery({ queryKey: ['price-lists', id], enabled: !!id, queryFn: () => ok(api.GET('/admin/price-lists/{id}', { params: { path: { id: id! } } })) });
  if (id && !list.data) {
    return <Page title="Price list" back={{ label: 'Back to price lists', to: '/price-lists' }}>{list.error ? <ErrorBanner error={list.error} onRetry={() => list.refetch()} /> : <p aria-busy="true">Loading price list…</p>}</Page>;
  }
  return <PriceListForm key={id ?? 'new'} list={list.data} />;
}

function PriceListForm({ list }: { list?: PriceList }) {
  const can = useCan();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const groups = useCustomerGroups();
  const editable = can('products:write');
  const [name, setName] = useState(list?.name ?? '');
  const [type, setType] = useState<Input['type']>(list?.type ?? 'sale');
  const [status, setStatus] = useState(list?.status ?? 'draft');
  const [startsAt, setStartsAt] = useState(toLocalInput(list?.starts_at ?? null));
  const [endsAt, setEndsAt] = useState(toLocalInput(list?.ends_at ?? null));
  const [groupIds, setGroupIds] = useState<string[]>(list?.customer_group_ids ?? []);
  const [dirty, setDirty] = useState(false);
  const [key] = useState(idempotencyKey);
  const touch = <T,>(set: (v: T) => void) => (value: T) => { set(value); setDirty(true); };
  useBlocker({ shouldBlockFn: () => dirty && !window.confirm('Leave this page? Your unsaved changes will be lost.'), enableBeforeUnload: () => dirty });
  const body = () => ({ name: name.trim(), type, status, starts_at: fromLocalInput(startsAt), ends_at: fromLocalInput(endsAt), customer_group_ids: groupIds });
  const save = useFormMutation({
    mutationFn: () => list
      ? ok(api.POST('/admin/price-lists/{id}', { params: { path: { id: list.id } }, body: body() }))
      : ok(api.POST('/admin/price-lists', { headers: { 'idempotency-key': key }, body: body() })),
    onSuccess: async (saved) => {
      setDirty(false);
      await queryClient.invalidateQueries({ queryKey: ['price-lists'] });
      toast(list ? 'Price list saved' : 'Price list created');
      if (!list) navigate({ to: '/price-lists/$id', params: { id: saved.id }, ignoreBlocker: true });
    },
  });
  const remove = useFormMutation({
    mutationFn: () => ok(api.DELETE('/admin/price-lists/{id}', { params: { path: { id: list!.id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['price-lists'] });
      toast('Price list deleted');
      navigate({ to: '/price-lists', ignoreBlocker: true });
    },
  });
  const errors = save.fieldErrors;
  return (
    <Page title={list ? list.name : 'Create price list'} back={{ label: 'Back to price lists', to: '/price-lists' }} badges={list && <StatusBadge status={priceListStatus(list)} />}>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(undefined); }}>
        <ErrorBanner error={save.bannerError ?? remove.bannerError} />
        <fieldset disabled={!editable} className="contents">
          <DetailLayout
            main={
              <Card title="Price list">
                <div className="flex flex-col gap-3">
                  <TextField label="Name" required value={name} onChange={(e) => touch(setName)(e.target.value)} error={errors.name} data-field="name" />
                  <SelectField label="Type" value={type} onChange={(e) => touch(setType)(e.target.value as Input['type'])} error={errors.type}
                    hint={type === 'sale' ? 'Its prices apply when below the variant’s own, which buyers see struck through.' : 'Its prices replace the variant’s own, higher or lower.'}>
                    <option value="sale">Sale</option><option value="override">Override</option>
                  </SelectField>
                  <div className="flex flex-wrap gap-2">
                    <TextField label="Starts" type="datetime-local" value={startsAt} onChange={(e) => touch(setStartsAt)(e.target.value)} error={errors.starts_at} data-field="starts_at" />
                    <TextField label="Ends" type="datetime-local" value={endsAt} onChange={(e) => touch(setEndsAt)(e.target.value)} error={errors.ends_at} data-field="ends_at" />
                  </div>
                </div>
              </Card>
            }
            side={<>
              <Card title="Status">
                <SelectField label="Status" value={status} onChange={(e) => touch(setStatus)(e.target.value as 'active' | 'draft')} error={errors.status} hint="A draft applies to nobody.">
                  <option value="draft">Draft</option><option value="active">Active</option>
                </SelectField>
              </Card>
              <Card title="Customer groups">
                <fieldset>
                  <legend className="mb-1 text-sm font-medium">For</legend>
                  <p className="mb-2 text-xs text-[var(--muted)]">None chosen: every buyer, guests included.</p>
                  <div className="flex flex-col gap-1">
                    {groups.data?.data.map((g) => (
                      <label key={g.id} className="flex items-center gap-2">
                        <input type="checkbox" checked={groupIds.includes(g.id)} onChange={(e) => touch(setGroupIds)(e.target.checked ? [...groupIds, g.id] : groupIds.filter((x) => x !== g.id))} /> {g.name}
                      </label>
                    ))}
                  </div>
                  {errors.customer_group_ids && <p className="text-xs text-[var(--critical-text)]">{errors.customer_group_ids}</p>}
                </fieldset>
              </Card>
              {list && editable && (
                <Card title="Delete">
                  <p className="mb-2 text-sm text-[var(--muted)]">Its prices stop applying at once; orders keep what they charged.</p>
                  <button type="button" className="button button-danger" disabled={remove.isPending} onClick={() => { if (window.confirm(`Delete ${list.name} and its ${list.prices.length} prices?`)) remove.mutate(undefined); }}>Delete price list</button>
                </Card>
              )}
            </>}
          />
        </fieldset>
        {editable && (dirty || !list) && (
          <div className="sticky bottom-0 z-10 mt-4 flex flex-wrap items-center justify-end gap-2 rounded-md border border-[var(--border)] bg-[var(--surface)] p-3 shadow">
            <span className="mr-auto text-sm font-medium">{list ? 'Unsaved changes' : 'New price list: add prices once it is created'}</span>
            <button type="submit" className="button button-primary" disabled={save.isPending}>{save.isPending ? 'Saving…' : list ? 'Save' : 'Create price list'}</button>
          </div>
        )}
      </form>
      {list && <div className="mt-4 flex flex-col gap-4"><Prices list={list} editable={editable} /><CsvCard list={list} editable={editable} /></div>}
    </Page>
  );
}

/** The list's SKUs by variant id, read from its CSV export (price rows carry only the variant id). */
function useSkus(list: PriceList) {
  return useQuery({
    queryKey: ['price-lists', list.id, 'skus', list.updated_at, list.prices.length],
    queryFn: async () => {
      const csv = await ok(api.GET('/admin/price-lists/{id}/prices/export', { params: { path: { id: list.id } }, parseAs: 'text' })) as unknown as string;
      return new Map(csv.trim().split('\n').slice(1).map((line) => line.split(',')).map(([id, sku]) => [id, sku] as const));
    },
  });
}

function Prices({ list, editable }: { list: PriceList; editable: boolean }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const currencies = useCurrencies().data ?? [];
  const skus = useSkus(list);
  const [currency, setCurrency] = useState('');
  const [amount, setAmount] = useState('');
  const [minQuantity, setMinQuantity] = useState('1');
  const chosen = currency || currencies[0] || 'USD';
  const changed = () => queryClient.invalidateQueries({ queryKey: ['price-lists'] });
  const add = useFormMutation({
    mutationFn: (variant: { id: string; name: string }) => {
      const minor = parseMoney(amount, chosen);
      if (minor === null) throw new Error(`Type the price in ${chosen} first, such as 12.50.`);
      return ok(api.POST('/admin/price-lists/{id}/prices', { params: { path: { id: list.id } }, body: { prices: [{ variant_id: variant.id, currency_code: chosen, amount: minor, min_quantity: Number(minQuantity) || 1 }] } }));
    },
    onSuccess: async (_saved, variant) => { await changed(); toast(`Price added for ${variant.name}`); },
  });
  const remove = useMutation({
    mutationFn: (priceId: string) => ok(api.DELETE('/admin/price-lists/{id}/prices/{price_id}', { params: { path: { id: list.id, price_id: priceId } } })),
    onSuccess: async () => { await changed(); toast('Price removed'); },
  });
  const label = (variantId: string) => skus.data?.get(variantId) || variantId;
  return (
    <Card title={`Prices (${formatNumber(list.prices.length)})`}>
      <ErrorBanner error={add.bannerError ?? remove.error} />
      {list.prices.length === 0 ? <p className="mb-3 text-[var(--muted)]">No prices yet: add one below or import a CSV file.</p> : (
        <div className="mb-4 overflow-x-auto" role="region" aria-label="Prices of the list" tabIndex={0}>
          <table className="data-table">
            <caption className="sr-only">Prices of the list</caption>
            <thead><tr><th scope="col">Variant</th><th scope="col">From quantity</th><th scope="col" className="text-right">Price</th>{editable && <th scope="col"><span className="sr-only">Actions</span></th>}</tr></thead>
            <tbody>{list.prices.map((p) => (
              <tr key={p.id}>
                <td>{label(p.variant_id)}</td>
                <td className="tabular-nums">{formatNumber(p.min_quantity)}</td>
                <td className="text-right tabular-nums">{formatMoney(p.amount, p.currency_code)}</td>
                {editable && <td className="text-right"><button type="button" className="button" disabled={remove.isPending} onClick={() => remove.mutate(p.id)}>Remove<span className="sr-only"> the price of {label(p.variant_id)} in {p.currency_code} from {p.min_quantity}</span></button></td>}
              </tr>
            ))}</tbody>
          </table>
        </div>
      )}
      {editable && (
        <div className="flex flex-col gap-3 border-t border-[var(--border)] pt-3">
          <h3 className="text-sm font-semibold">Add a price</h3>
          <div className="flex flex-wrap gap-2">
            <SelectField className="w-28" label="Currency" value={chosen} onChange={(e) => setCurrency(e.target.value)} error={add.fieldErrors['prices.0.currency_code']}>
              {currencies.map((c) => <option key={c} value={c}>{c}</option>)}
            </SelectField>
            <TextField className="w-36" label={`Price (${chosen})`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)}
              error={add.fieldErrors['prices.0.amount'] ?? (amount && parseMoney(amount, chosen) === null ? 'Not an amount' : null)} data-field="prices.0.amount" />
            <TextField className="w-36" label="From quantity" type="number" min={1} max={10000} value={minQuantity} onChange={(e) => setMinQuantity(e.target.value)}
              error={add.fieldErrors['prices.0.min_quantity']} data-field="prices.0.min_quantity" hint="1: every purchase" />
          </div>
          <VariantSearch currency={chosen} onPick={(v) => add.mutate({ id: v.id, name: v.sku ?? v.product_title })} />
        </div>
      )}
    </Card>
  );
}

function CsvCard({ list, editable }: { list: PriceList; editable: boolean }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useFormMutation({
    mutationFn: async (chosen: File) => ok(api.POST('/admin/price-lists/{id}/prices/import', {
      params: { path: { id: list.id } }, body: await chosen.text(), headers: { 'content-type': 'text/csv' }, bodySerializer: (body: string) => body,
    })),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['price-lists'] });
      toast(`${formatNumber(result.prices)} prices imported, ${formatNumber(result.removed)} removed`);
    },
  });
  return (
    <Card title="CSV" action={<a href={`/admin/price-lists/${list.id}/prices/export`} className="button" download>Export CSV</a>}>
      {editable && <>
        <p className="mb-3 text-sm text-[var(--muted)]">Importing replaces the list’s prices with the file’s (columns variant_sku or variant_id, currency_code, amount in minor units, min_quantity). Every row is imported, or none is.</p>
        <form className="flex flex-wrap items-end gap-3" onSubmit={(e) => { e.preventDefault(); if (file) upload.mutate(file); }}>
          <label className="flex flex-col gap-1 text-sm font-medium">
            CSV file
            <input type="file" accept=".csv,text/csv" className="input" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </label>
          <button type="submit" className="button button-primary" disabled={!file || upload.isPending}>{upload.isPending ? 'Importing…' : 'Import prices'}</button>
        </form>
        {upload.isPending && <progress className="mt-3 w-full" aria-label="Importing prices" />}
        {upload.data && <p role="status" className="mt-3">{formatNumber(upload.data.prices)} prices imported, {formatNumber(upload.data.removed)} removed.</p>}
        <CsvProblems error={upload.error} />
      </>}
    </Card>
  );
}
