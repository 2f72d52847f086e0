import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useBlocker, useNavigate, useParams } from '@tanstack/react-router';
import { Trash2 } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { api, idempotencyKey, ok } from '../api.ts';
import type { paths } from '../../../src/client/index.ts';
import { useCollections, useCurrencies } from '../lib/catalog.ts';
import { formatNumber, moneyInput, parseMoney } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { useLocations } from '../lib/orders.ts';
import { useCan } from '../lib/session.tsx';
import { StatusBadge } from '../ui/badge.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { SelectField, TextArea, TextField } from '../ui/field.tsx';
import { Card, DetailLayout, Page } from '../ui/page.tsx';

type Product = paths['/admin/products/{id}']['get']['responses'][200]['content']['application/json'];
type Status = 'draft' | 'published' | 'archived';
interface OptionDraft { title: string; values: string }
interface VariantDraft { key: string; options: Record<string, string>; title: string; sku: string; prices: Record<string, string>; stock: string; included: boolean }

type Variant = Product['variants'][number];

/** A saved variant as a row of the editor (prices as typed text in major units). */
const draftOf = (v: Variant): VariantDraft => ({
  key: v.id, options: v.options as Record<string, string>, title: v.title, sku: v.sku ?? '', stock: '', included: true,
  prices: Object.fromEntries(v.prices.map((p) => [p.currency_code, moneyInput(p.amount, p.currency_code)])),
});

const combinationKey = (options: Record<string, string>) => JSON.stringify(Object.entries(options).sort());

/** Every combination of option values (the cartesian product), keeping what was typed for combinations that survive. */
function regenerate(options: OptionDraft[], previous: VariantDraft[]): VariantDraft[] {
  const parsed = options.map((o) => ({ title: o.title.trim(), values: o.values.split(',').map((v) => v.trim()).filter(Boolean) })).filter((o) => o.title && o.values.length);
  let combos: Record<string, string>[] = [{}];
  for (const option of parsed) combos = combos.flatMap((combo) => option.values.map((value) => ({ ...combo, [option.title]: value })));
  const old = new Map(previous.map((v) => [v.key, v]));
  return combos.map((combo) => {
    const key = combinationKey(combo);
    return old.get(key) ?? { key, options: combo, title: Object.values(combo).join(' / ') || 'Default', sku: '', prices: {}, stock: '', included: true };
  });
}

export default function ProductEditorPage() {
  const params = useParams({ strict: false }) as { id?: string };
  const id = params.id;
  const product = useQuery({
    queryKey: ['products', id],
    enabled: !!id,
    queryFn: () => ok(api.GET('/admin/products/{id}', { params: { path: { id: id! } } })),
  });
  if (id && !product.data) {
    return <Page title="Product" back={{ label: 'Back to products', to: '/products' }}>{product.error ? <ErrorBanner error={product.error} onRetry={() => product.refetch()} /> : <p aria-busy="true">Loading product…</p>}</Page>;
  }
  return <ProductForm key={id ?? 'new'} product={product.data} />;
}

function ProductForm({ product }: { product?: Product }) {
  const can = useCan();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const currencies = useCurrencies();
  const collections = useCollections();
  const locations = useLocations();
  const editable = can('products:write');
  const [title, setTitle] = useState(product?.title ?? '');
  const [description, setDescription] = useState(product?.description ?? '');
  const [status, setStatus] = useState<Status>(product?.status ?? 'draft');
  const [tags, setTags] = useState((product?.tags ?? []).join(', '));
  const [images, setImages] = useState<string[]>(product?.images ?? []);
  const [imageUrl, setImageUrl] = useState('');
  const [collectionId, setCollectionId] = useState(product?.collection_id ?? '');
  const [giftCard, setGiftCard] = useState(product?.gift_card ?? false);
  const [options, setOptions] = useState<OptionDraft[]>(product ? product.options.map((o) => ({ title: o.title, values: o.values.join(', ') })) : [{ title: '', values: '' }]);
  const [variants, setVariants] = useState<VariantDraft[]>(() => product
    ? product.variants.map(draftOf)
    : regenerate([], []));
  const [stockLocation, setStockLocation] = useState('');
  const [dirty, setDirty] = useState(false);
  const [key] = useState(idempotencyKey);
  const touch = <T,>(set: (v: T) => void) => (value: T) => { set(value); setDirty(true); };

  useEffect(() => {
    if (!product) setVariants((old) => regenerate(options, old));
  }, [options, product]);
  useEffect(() => {
    if (!stockLocation && locations.data?.data[0]) setStockLocation(locations.data.data[0].id);
  }, [locations.data, stockLocation]);

  // Leaving with unsaved changes asks first (in-app navigation and closing the tab).
  useBlocker({ shouldBlockFn: () => dirty && !window.confirm('Leave this page? Your unsaved changes will be lost.'), enableBeforeUnload: () => dirty });

  const currencyList = currencies.data ?? [];
  // A gift card's variants track no stock: a new one has no opening stock to enter.
  const openingStock = !product && !giftCard;
  const prices = (v: VariantDraft) => currencyList.flatMap((c) => {
    const amount = parseMoney(v.prices[c] ?? '', c);
    return amount === null ? [] : [{ currency_code: c, amount }];
  });
  const common = () => ({
    title, description, status,
    tags: tags.split(',').map((t) => t.trim()).filter(Boolean),
    images,
    collection_id: collectionId || null,
    gift_card: giftCard,
  });

  const save = useFormMutation({
    mutationFn: async () => {
      if (!product) {
        const included = variants.filter((v) => v.included);
        const parsedOptions = options.map((o) => ({ title: o.title.trim(), values: o.values.split(',').map((s) => s.trim()).filter(Boolean) })).filter((o) => o.title && o.values.length);
        const created = await ok(api.POST('/admin/products', {
          headers: { 'idempotency-key': key },
          body: {
            ...common(),
            options: parsedOptions,
            variants: included.map((v) => ({ title: v.title, sku: v.sku.trim() || null, options: v.options, prices: prices(v) })),
          },
        }));
        // Opening stock: one "received" adjustment per variant, at the chosen location.
        for (const [i, v] of included.entries()) {
          const quantity = Number(v.stock);
          if (quantity > 0 && stockLocation && openingStock) {
            await ok(api.POST('/admin/inventory/adjustments', { body: { variant_id: created.variants[i].id, location_id: stockLocation, delta: quantity, reason: 'received', note: 'Opening stock' } }));
          }
        }
        return created;
      }
      const updated = await ok(api.POST('/admin/products/{id}', { params: { path: { id: product.id } }, body: common() }));
      for (const v of variants) {
        const next = prices(v);
        const before = product.variants.find((p) => p.id === v.key)?.prices ?? [];
        const changed = next.some((p) => before.find((b) => b.currency_code === p.currency_code)?.amount !== p.amount);
        if (changed) await ok(api.POST('/admin/products/{id}/variants/{variant_id}/prices', { params: { path: { id: product.id, variant_id: v.key } }, body: { prices: next } }));
      }
      return updated;
    },
    onSuccess: async (saved) => {
      setDirty(false);
      await queryClient.invalidateQueries({ queryKey: ['products'] });
      await queryClient.invalidateQueries({ queryKey: ['inventory'] });
      toast(product ? 'Product saved' : 'Product created');
      if (!product) setTimeout(() => navigate({ to: '/products/$id', params: { id: saved.id } }));
    },
  });

  const removeVariant = useFormMutation({
    mutationFn: (variantId: string) => ok(api.DELETE('/admin/products/{id}/variants/{variant_id}', { params: { path: { id: product!.id, variant_id: variantId } } })),
    onSuccess: async (_, variantId) => {
      setVariants((old) => old.filter((v) => v.key !== variantId));
      await queryClient.invalidateQueries({ queryKey: ['products'] });
      toast('Variant removed');
    },
  });
  const removed = useMemo(() => variants.filter((v) => !v.included), [variants]);
  const heading = product ? product.title : 'Create product';
  return (
    <Page
      title={heading}
      back={{ label: 'Back to products', to: '/products' }}
      badges={product && <StatusBadge status={product.status} />}
    >
      <form
        onSubmit={(e) => { e.preventDefault(); save.mutate(undefined); }}
        onKeyDown={(e) => { if ((e.metaKey || e.ctrlKey) && e.key === 's') { e.preventDefault(); if (!save.isPending) save.mutate(undefined); } }}
      >
        <ErrorBanner error={save.bannerError ?? currencies.error} />
        <fieldset disabled={!editable} className="contents">
          <DetailLayout
            main={<>
              <Card title="Details">
                <div className="flex flex-col gap-3">
                  <TextField label="Title" required value={title} onChange={(e) => touch(setTitle)(e.target.value)} error={save.fieldErrors.title} data-field="title" />
                  <TextArea label="Description" value={description} onChange={(e) => touch(setDescription)(e.target.value)} error={save.fieldErrors.description} data-field="description" />
                </div>
              </Card>
              <Card title="Media">
                <div className="flex flex-wrap items-end gap-2">
                  <TextField label="Image URL" className="min-w-60 flex-1" type="url" placeholder="https://…" value={imageUrl} onChange={(e) => setImageUrl(e.target.value)} error={save.fieldErrors.images} />
                  <button type="button" className="button" disabled={!imageUrl.trim()} onClick={() => { touch(setImages)([...images, imageUrl.trim()]); setImageUrl(''); }}>Add image</button>
                </div>
                {images.length > 0 && (
                  <ol className="mt-3 flex flex-col gap-2">
                    {images.map((url, i) => (
                      <li key={`${url}-${i}`} className="flex items-center gap-3">
                        <img src={url} alt={i === 0 ? `${title || 'Product'} (thumbnail)` : `${title || 'Product'} image ${i + 1}`} className="h-12 w-12 rounded border border-[var(--border)] object-cover" />
                        <span className="min-w-0 flex-1 truncate text-sm">{url}</span>
                        <button type="button" className="button" disabled={i === 0} aria-label={`Move image ${i + 1} up`} onClick={() => { const next = [...images]; [next[i - 1], next[i]] = [next[i], next[i - 1]]; touch(setImages)(next); }}>Up</button>
                        <button type="button" className="icon-button" aria-label={`Remove image ${i + 1}`} onClick={() => touch(setImages)(images.filter((_, j) => j !== i))}><Trash2 aria-hidden size={16} /></button>
                      </li>
                    ))}
                  </ol>
                )}
              </Card>
              {!product && (
                <Card title="Options">
                  <p className="mb-3 text-sm text-[var(--muted)]">Each combination of values becomes a variant (Size: S, M, L × Color: Red, Blue → 6 variants).</p>
                  <ul className="flex flex-col gap-3">
                    {options.map((option, i) => (
                      <li key={i} className="flex flex-wrap items-end gap-2">
                        <TextField label={`Option ${i + 1} name`} className="w-40" placeholder="Size" value={option.title} onChange={(e) => touch(setOptions)(options.map((o, j) => j === i ? { ...o, title: e.target.value } : o))} error={save.fieldErrors[`options.${i}.title`]} />
                        <TextField label={`Option ${i + 1} values`} className="min-w-48 flex-1" placeholder="S, M, L" hint="Separate values with commas." value={option.values} onChange={(e) => touch(setOptions)(options.map((o, j) => j === i ? { ...o, values: e.target.value } : o))} error={save.fieldErrors[`options.${i}.values`]} />
                        <button type="button" className="icon-button" aria-label={`Remove option ${i + 1}`} onClick={() => touch(setOptions)(options.filter((_, j) => j !== i))}><Trash2 aria-hidden size={16} /></button>
                      </li>
                    ))}
                  </ul>
                  {options.length < 10 && <button type="button" className="button mt-3" onClick={() => setOptions([...options, { title: '', values: '' }])}>Add option</button>}
                  {variants.length > 100 && <p role="alert" className="mt-2 text-sm text-[var(--attention-text)]">{formatNumber(variants.length)} variants: consider fewer option values.</p>}
                </Card>
              )}
              <Card title={`Variants and prices (${variants.filter((v) => v.included).length})`}>
                {/* A region the keyboard can reach, so the grid scrolls without a mouse on a narrow screen. */}
                <div className="overflow-x-auto" role="region" aria-label="Variants and prices" tabIndex={0}>
                  <table className="data-table">
                    <caption className="sr-only">Variants with SKU, prices per currency{openingStock ? ' and opening stock' : ''}</caption>
                    <thead>
                      <tr>
                        {!product && <th scope="col">Include</th>}
                        <th scope="col">Variant</th>
                        <th scope="col">SKU</th>
                        {currencyList.map((c) => <th key={c} scope="col" className="text-right">Price {c}</th>)}
                        {openingStock && <th scope="col" className="text-right">Opening stock</th>}
                        {product && editable && <th scope="col">Actions</th>}
                      </tr>
                    </thead>
                    <tbody>
                      {variants.map((v, i) => {
                        const set = (patch: Partial<VariantDraft>) => touch(setVariants)(variants.map((x) => x.key === v.key ? { ...x, ...patch } : x));
                        const index = variants.filter((x) => x.included).indexOf(v);
                        return (
                          <tr key={v.key}>
                            {!product && <td><input type="checkbox" aria-label={`Include ${v.title}`} checked={v.included} onChange={(e) => set({ included: e.target.checked })} /></td>}
                            <td className="whitespace-nowrap">{v.title}</td>
                            <td>
                              {product ? (v.sku || '—') : (
                                <input className="input min-w-28" aria-label={`SKU of ${v.title}`} value={v.sku} onChange={(e) => set({ sku: e.target.value })}
                                  aria-invalid={save.fieldErrors[`variants.${index}.sku`] ? true : undefined} data-field={`variants.${index}.sku`} title={save.fieldErrors[`variants.${index}.sku`]} />
                              )}
                              {save.fieldErrors[`variants.${index}.sku`] && <p className="text-xs text-[var(--critical-text)]">{save.fieldErrors[`variants.${index}.sku`]}</p>}
                            </td>
                            {currencyList.map((c) => {
                              const invalid = v.prices[c] && parseMoney(v.prices[c], c) === null;
                              return (
                                <td key={c} className="text-right">
                                  <input className="input w-28 text-right tabular-nums" inputMode="decimal" aria-label={`Price of ${v.title} in ${c}`} value={v.prices[c] ?? ''}
                                    aria-invalid={invalid ? true : undefined} onChange={(e) => set({ prices: { ...v.prices, [c]: e.target.value } })} />
                                  {invalid && <p className="text-xs text-[var(--critical-text)]">Not an amount</p>}
                                </td>
                              );
                            })}
                            {openingStock && (
                              <td className="text-right"><input className="input w-24 text-right" type="number" min={0} aria-label={`Opening stock of ${v.title}`} value={v.stock} onChange={(e) => set({ stock: e.target.value })} /></td>
                            )}
                            {product && editable && (
                              <td>
                                <button type="button" className="button button-danger" aria-label={`Remove variant ${v.title}`} disabled={variants.length === 1 || removeVariant.isPending}
                                  title={variants.length === 1 ? 'A product keeps at least one variant' : undefined}
                                  onClick={() => { if (window.confirm(`Remove the variant ${v.title}? Its prices and stock levels go with it; past orders keep their lines.`)) removeVariant.mutate(v.key); }}>Remove</button>
                              </td>
                            )}
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
                <ErrorBanner error={removeVariant.bannerError} />
                {product && editable && <AddVariant product={product} currencies={currencyList} onAdded={(updated) => setVariants((old) => [...old, ...updated.variants.filter((v) => !old.some((o) => o.key === v.id)).map(draftOf)])} />}
                {!product && removed.length > 0 && <p className="mt-2 text-sm text-[var(--muted)]">Not created: {removed.map((v) => v.title).join(', ')}.</p>}
                {openingStock && (
                  <SelectField className="mt-3 max-w-xs" label="Opening stock location" value={stockLocation} onChange={(e) => setStockLocation(e.target.value)}>
                    {locations.data?.data.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
                  </SelectField>
                )}
              </Card>
              {product && <InventoryCard product={product} />}
            </>}
            side={<>
              <Card title="Status">
                <SelectField label="Status" value={status} onChange={(e) => touch(setStatus)(e.target.value as Status)} error={save.fieldErrors.status}>
                  <option value="draft">Draft</option><option value="published">Published</option><option value="archived">Archived</option>
                </SelectField>
              </Card>
              <Card title="Organize">
                <div className="flex flex-col gap-3">
                  <SelectField label="Collection" value={collectionId} onChange={(e) => touch(setCollectionId)(e.target.value)} error={save.fieldErrors.collection_id}>
                    <option value="">None</option>
                    {collections.data?.data.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
                  </SelectField>
                  <TextField label="Tags" hint="Separate tags with commas." value={tags} onChange={(e) => touch(setTags)(e.target.value)} error={save.fieldErrors.tags} />
                </div>
              </Card>
              <Card title="Gift card">
                <label className="flex items-center gap-2">
                  <input type="checkbox" checked={giftCard} onChange={(e) => touch(setGiftCard)(e.target.checked)} aria-describedby="gift-card-hint" data-field="gift_card" /> Sold as a gift card
                </label>
                <p id="gift-card-hint" className="mt-1 text-xs text-[var(--muted)]">
                  Each unit paid for issues a gift card of its price, emailed to the buyer. Its variants track no stock and need no shipping.
                </p>
                {save.fieldErrors.gift_card && <p className="text-xs text-[var(--critical-text)]">{save.fieldErrors.gift_card}</p>}
              </Card>
            </>}
          />
        </fieldset>
        {editable && (dirty || !product) && (
          <div className="sticky bottom-0 z-10 mt-4 flex flex-wrap items-center justify-end gap-2 rounded-md border border-[var(--border)] bg-[var(--surface)] p-3 shadow">
            <span className="mr-auto text-sm font-medium">{product ? 'Unsaved changes' : 'New product'}</span>
            {product && <button type="button" className="button" onClick={() => { setDirty(false); navigate({ to: '/products/$id', params: { id: product.id }, replace: true }); window.location.reload(); }}>Discard</button>}
            <button type="submit" className="button button-primary" disabled={save.isPending}>{save.isPending ? 'Saving…' : product ? 'Save' : 'Create product'}</button>
          </div>
        )}
      </form>
    </Page>
  );
}

const REASONS = ['received', 'count_correction', 'damaged', 'lost', 'returned', 'other'] as const;

/** On hand per location, changed as an adjustment with a reason; committed, reserved and available are read-only. */
function InventoryCard({ product }: { product: Product }) {
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const locations = useLocations();
  const levels = useQuery({
    queryKey: ['inventory', 'product', product.id],
    queryFn: () => Promise.all(product.variants.map((v) => ok(api.GET('/admin/inventory/items/{variant_id}', { params: { path: { variant_id: v.id } } })))),
  });
  const [variantId, setVariantId] = useState(product.variants[0]?.id ?? '');
  const [locationId, setLocationId] = useState('');
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState<(typeof REASONS)[number]>('received');
  const adjust = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/inventory/adjustments', { body: { variant_id: variantId, location_id: locationId || locations.data!.data[0].id, delta: Number(delta), reason } })),
    onSuccess: async () => { setDelta(''); await queryClient.invalidateQueries({ queryKey: ['inventory'] }); toast('Stock adjusted'); },
  });
  return (
    <Card title="Inventory">
      <ErrorBanner error={levels.error} onRetry={() => levels.refetch()} />
      <div className="overflow-x-auto" role="region" aria-label="Stock per variant and location" tabIndex={0}>
        <table className="data-table">
          <caption className="sr-only">Stock per variant and location</caption>
          <thead><tr><th scope="col">Variant</th><th scope="col">Location</th><th scope="col" className="text-right">On hand</th><th scope="col" className="text-right">Committed</th><th scope="col" className="text-right">Reserved</th><th scope="col" className="text-right">Available</th></tr></thead>
          <tbody>
            {levels.data?.flatMap((item) => item.levels.map((level) => (
              <tr key={`${item.variant_id}-${level.location_id}`}>
                <td>{item.variant_title}</td><td>{level.location_name}</td>
                <td className="text-right tabular-nums">{level.on_hand}</td><td className="text-right tabular-nums">{level.committed}</td>
                <td className="text-right tabular-nums">{level.reserved}</td><td className="text-right tabular-nums">{level.available}</td>
              </tr>
            )))}
          </tbody>
        </table>
        {levels.data && levels.data.every((item) => item.levels.length === 0) && <p className="py-3 text-sm text-[var(--muted)]">No stock recorded yet.</p>}
      </div>
      {can('inventory:write') && (
        <div className="mt-3 grid gap-2 border-t border-[var(--border)] pt-3 sm:grid-cols-5 sm:items-end">
          <SelectField label="Variant" value={variantId} onChange={(e) => setVariantId(e.target.value)}>{product.variants.map((v) => <option key={v.id} value={v.id}>{v.title}</option>)}</SelectField>
          <SelectField label="Location" value={locationId} onChange={(e) => setLocationId(e.target.value)} error={adjust.fieldErrors.location_id}>{locations.data?.data.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}</SelectField>
          <TextField label="Change on hand by" type="number" value={delta} onChange={(e) => setDelta(e.target.value)} error={adjust.fieldErrors.delta} data-field="delta" />
          <SelectField label="Reason" value={reason} onChange={(e) => setReason(e.target.value as typeof reason)}>{REASONS.map((r) => <option key={r} value={r}>{r.replace('_', ' ')}</option>)}</SelectField>
          <button type="button" className="button" disabled={!delta || Number(delta) === 0 || adjust.isPending} onClick={() => adjust.mutate(undefined)}>Adjust stock</button>
          <div className="sm:col-span-5"><ErrorBanner error={adjust.bannerError} /></div>
        </div>
      )}
      {can('inventory:write') && (locations.data?.data.length ?? 0) > 1 && <TransferForm product={product} />}
    </Card>
  );
}

/** Moves units on hand between two locations (one transfer: a movement out of one, one into the other). */
function TransferForm({ product }: { product: Product }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const locations = useLocations().data?.data ?? [];
  const [variantId, setVariantId] = useState(product.variants[0]?.id ?? '');
  const [from, setFrom] = useState(locations[0]?.id ?? '');
  const [to, setTo] = useState(locations[1]?.id ?? '');
  const [quantity, setQuantity] = useState('');
  const move = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/inventory/transfers', { body: { variant_id: variantId, from_location_id: from, to_location_id: to, quantity: Number(quantity) } })),
    onSuccess: async () => { setQuantity(''); await queryClient.invalidateQueries({ queryKey: ['inventory'] }); toast('Stock moved'); },
  });
  return (
    <div className="mt-3 grid gap-2 border-t border-[var(--border)] pt-3 sm:grid-cols-5 sm:items-end">
      <SelectField label="Variant to move" value={variantId} onChange={(e) => setVariantId(e.target.value)}>{product.variants.map((v) => <option key={v.id} value={v.id}>{v.title}</option>)}</SelectField>
      <SelectField label="From" value={from} onChange={(e) => setFrom(e.target.value)} error={move.fieldErrors.from_location_id}>{locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}</SelectField>
      <SelectField label="To" value={to} onChange={(e) => setTo(e.target.value)} error={move.fieldErrors.to_location_id}>{locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}</SelectField>
      <TextField label="Units to move" type="number" min={1} value={quantity} onChange={(e) => setQuantity(e.target.value)} error={move.fieldErrors.quantity} data-field="quantity" />
      <button type="button" className="button" disabled={!(Number(quantity) > 0) || from === to || move.isPending} onClick={() => move.mutate(undefined)}>Move stock</button>
      <div className="sm:col-span-5"><ErrorBanner error={move.bannerError} /></div>
    </div>
  );
}

/**
 * A new variant on a saved product: a value for each of its options, SKU and prices. Saved at once
 * (not with the page's save bar), so no <form> inside the product's form: Enter adds it.
 */
function AddVariant({ product, currencies, onAdded }: { product: Product; currencies: string[]; onAdded: (updated: Product) => void }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>({});
  const [sku, setSku] = useState('');
  const [prices, setPrices] = useState<Record<string, string>>({});
  const add = useFormMutation({
    mutationFn: async () => {
      // A value the option does not have yet (Size: XL) is added to it first: a variant can only use the option's values.
      for (const o of product.options) {
        const value = (values[o.title] ?? '').trim();
        if (value && !o.values.includes(value)) {
          await ok(api.POST('/admin/products/{id}/options/{option_id}', { params: { path: { id: product.id, option_id: o.id } }, body: { values: [...o.values, value] } }));
        }
      }
      return ok(api.POST('/admin/products/{id}/variants', {
        params: { path: { id: product.id } },
        body: {
          ...(product.options.length ? { options: Object.fromEntries(product.options.map((o) => [o.title, (values[o.title] ?? '').trim()])) } : {}),
          sku: sku.trim() || null,
          prices: currencies.flatMap((c) => { const amount = parseMoney(prices[c] ?? '', c); return amount === null ? [] : [{ currency_code: c, amount }]; }),
        },
      }));
    },
    onSuccess: async (updated) => {
      setValues({}); setSku(''); setPrices({});
      onAdded(updated);
      await queryClient.invalidateQueries({ queryKey: ['products'] });
      toast('Variant added');
    },
  });
  const errors = add.fieldErrors;
  return (
    <div className="mt-4 border-t border-[var(--border)] pt-3" role="group" aria-labelledby="add-variant"
      onKeyDown={(e) => { if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') { e.preventDefault(); add.mutate(undefined); } }}>
      <h3 id="add-variant" className="mb-2 text-sm font-semibold">Add a variant</h3>
      <ErrorBanner error={add.bannerError} />
      <div className="flex flex-wrap items-end gap-2">
        {product.options.map((o) => (
          <TextField key={o.title} className="w-36" label={`New variant ${o.title}`} required value={values[o.title] ?? ''} onChange={(e) => setValues({ ...values, [o.title]: e.target.value })}
            error={errors[`options.${o.title}`] ?? errors.options} data-field="options" />
        ))}
        <TextField className="w-36" label="New variant SKU" value={sku} onChange={(e) => setSku(e.target.value)} error={errors.sku} data-field="sku" />
        {currencies.map((c, i) => (
          <TextField key={c} className="w-32" label={`New variant price (${c})`} inputMode="decimal" value={prices[c] ?? ''} onChange={(e) => setPrices({ ...prices, [c]: e.target.value })}
            error={errors[`prices.${i}.amount`] ?? (prices[c] && parseMoney(prices[c], c) === null ? 'Not an amount' : null)} />
        ))}
        <button type="button" className="button" disabled={add.isPending} onClick={() => add.mutate(undefined)}>Add variant</button>
      </div>
    </div>
  );
}
