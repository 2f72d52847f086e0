import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useBlocker, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api, ok } from '../api.ts';
import type { paths } from '../../../src/client/index.ts';
import { useCollections, useCurrencies } from '../lib/catalog.ts';
import { formatMoney, formatNumber, fromLocalInput, moneyInput, parseMoney, toLocalInput } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { customerGroupsQuery, segmentsQuery } from '../lib/marketing.ts';
import { campaignsQuery, describeDiscount, promotionStatus, type Promotion } from '../lib/promotions.ts';
import { useCan } from '../lib/session.tsx';
import { StatusBadge } from '../ui/badge.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { SelectField, TextField } from '../ui/field.tsx';
import { Card, DetailLayout, Page } from '../ui/page.tsx';
import { VariantSearch } from '../ui/variant-search.tsx';

type Input = paths['/admin/promotions']['post']['requestBody']['content']['application/json'];
type Kind = Input['type'];

const whole = (text: string) => (text.trim() === '' ? null : Number(text));

export default function PromotionEditorPage() {
  const { id } = useParams({ strict: false }) as { id?: string };
  const promotion = useQuery({ queryKey: ['promotions', id], enabled: !!id, queryFn: () => ok(api.GET('/admin/promotions/{id}', { params: { path: { id: id! } } })) });
  if (id && !promotion.data) {
    return <Page title="Promotion" back={{ label: 'Back to promotions', to: '/promotions' }}>{promotion.error ? <ErrorBanner error={promotion.error} onRetry={() => promotion.refetch()} /> : <p aria-busy="true">Loading promotion…</p>}</Page>;
  }
  return <PromotionForm key={id ?? 'new'} promotion={promotion.data} />;
}

function PromotionForm({ promotion }: { promotion?: Promotion }) {
  const can = useCan();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const currencies = useCurrencies().data ?? [];
  const collections = useCollections();
  const editable = can('products:write');
  // Groups and segments are customer data: a role without customers:read keeps the ones set, unseen.
  const customerConditions = can('customers:read');
  const groups = useQuery({ ...customerGroupsQuery, enabled: customerConditions });
  const segments = useQuery({ ...segmentsQuery, enabled: customerConditions });
  const campaigns = useQuery(campaignsQuery);
  const [automatic, setAutomatic] = useState(promotion?.automatic ?? false);
  const [code, setCode] = useState(promotion?.code ?? '');
  const [description, setDescription] = useState(promotion?.description ?? '');
  const [type, setType] = useState<Kind>((promotion?.type as Kind) ?? 'percentage');
  const [target, setTarget] = useState(promotion?.target === 'items' ? 'items' : 'order');
  const [percent, setPercent] = useState(promotion?.value?.toString() ?? '');
  const [amounts, setAmounts] = useState<Record<string, string>>(Object.fromEntries((promotion?.amounts ?? []).map((a) => [a.currency_code, moneyInput(a.amount, a.currency_code)])));
  const [buy, setBuy] = useState(promotion?.buy_quantity?.toString() ?? '');
  const [get, setGet] = useState(promotion?.get_quantity?.toString() ?? '');
  const [collectionIds, setCollectionIds] = useState<string[]>(promotion?.collection_ids ?? []);
  const [variants, setVariants] = useState<{ id: string; label: string }[]>((promotion?.variant_ids ?? []).map((v) => ({ id: v, label: v })));
  const [tags, setTags] = useState((promotion?.tags ?? []).join(', '));
  const [groupIds, setGroupIds] = useState<string[]>(promotion?.customer_group_ids ?? []);
  const [segmentIds, setSegmentIds] = useState<string[]>(promotion?.segment_ids ?? []);
  const [firstOrderOnly, setFirstOrderOnly] = useState(promotion?.first_order_only ?? false);
  const [minQuantity, setMinQuantity] = useState(promotion?.min_quantity?.toString() ?? '');
  const [campaignId, setCampaignId] = useState(promotion?.campaign_id ?? '');
  const [minimums, setMinimums] = useState<Record<string, string>>(Object.fromEntries((promotion?.min_subtotals ?? []).map((a) => [a.currency_code, moneyInput(a.amount, a.currency_code)])));
  const [startsAt, setStartsAt] = useState(toLocalInput(promotion?.starts_at ?? null));
  const [endsAt, setEndsAt] = useState(toLocalInput(promotion?.ends_at ?? null));
  const [usageLimit, setUsageLimit] = useState(promotion?.usage_limit?.toString() ?? '');
  const [perCustomer, setPerCustomer] = useState(promotion?.per_customer_limit?.toString() ?? '');
  const [combinable, setCombinable] = useState(promotion?.combinable ?? false);
  const [active, setActive] = useState(promotion?.active ?? true);
  const [dirty, setDirty] = useState(false);
  const touch = <T,>(set: (v: T) => void) => (value: T) => { set(value); setDirty(true); };
  useBlocker({ shouldBlockFn: () => dirty && !window.confirm('Leave this page? Your unsaved changes will be lost.'), enableBeforeUnload: () => dirty });

  const perCurrency = (typed: Record<string, string>) => currencies.flatMap((c) => {
    const amount = parseMoney(typed[c] ?? '', c);
    return amount === null ? [] : [{ currency_code: c, amount }];
  });
  const body = (): Omit<Input, 'automatic'> => ({
    ...(automatic ? {} : { code: code.trim() }),
    description: description.trim() || null,
    type,
    target: type === 'free_shipping' ? 'shipping' : type === 'buy_x_get_y' ? 'items' : target as 'order' | 'items',
    value: type === 'percentage' || type === 'buy_x_get_y' ? whole(percent) ?? (type === 'buy_x_get_y' ? 100 : null) : null,
    amounts: type === 'fixed' ? perCurrency(amounts) : null,
    buy_quantity: type === 'buy_x_get_y' ? whole(buy) : null,
    get_quantity: type === 'buy_x_get_y' ? whole(get) : null,
    collection_ids: collectionIds,
    variant_ids: variants.map((v) => v.id),
    tags: [...new Set(tags.split(',').map((t) => t.trim()).filter(Boolean))],
    customer_group_ids: groupIds,
    segment_ids: segmentIds,
    first_order_only: firstOrderOnly,
    min_quantity: whole(minQuantity),
    campaign_id: campaignId || null,
    min_subtotals: perCurrency(minimums),
    starts_at: fromLocalInput(startsAt),
    ends_at: fromLocalInput(endsAt),
    usage_limit: whole(usageLimit),
    per_customer_limit: whole(perCustomer),
    combinable,
    active,
  });
  const save = useFormMutation({
    mutationFn: () => promotion
      ? ok(api.POST('/admin/promotions/{id}', { params: { path: { id: promotion.id } }, body: body() }))
      : ok(api.POST('/admin/promotions', { body: { ...body(), automatic } })),
    onSuccess: async (saved) => {
      setDirty(false);
      await queryClient.invalidateQueries({ queryKey: ['promotions'] });
      toast(promotion ? 'Promotion saved' : 'Promotion created');
      // Saved: nothing is left to lose, whatever the blocker last saw.
      if (!promotion) navigate({ to: '/promotions/$id', params: { id: saved.id }, ignoreBlocker: true });
    },
  });
  const remove = useFormMutation({
    mutationFn: () => ok(api.DELETE('/admin/promotions/{id}', { params: { path: { id: promotion!.id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['promotions'] });
      toast('Promotion deleted');
      navigate({ to: '/promotions', ignoreBlocker: true });
    },
  });
  const errors = save.fieldErrors;
  const moneyFields = (label: string, typed: Record<string, string>, set: (next: Record<string, string>) => void, field: string) => (
    <div className="flex flex-wrap gap-2">
      {currencies.map((c, i) => (
        <TextField key={c} className="w-36" label={`${label} (${c})`} inputMode="decimal" value={typed[c] ?? ''} onChange={(e) => touch(set)({ ...typed, [c]: e.target.value })}
          error={errors[`${field}.${i}.amount`] ?? (typed[c] && parseMoney(typed[c], c) === null ? 'Not an amount' : null)} data-field={`${field}.${i}.amount`} />
      ))}
    </div>
  );
  const checkboxes = (legend: string, hint: string, options: { id: string; name: string }[] | undefined, chosen: string[], set: (next: string[]) => void, field: string) => (
    <fieldset data-field={field}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <p className="mb-2 text-xs text-[var(--muted)]">{hint}</p>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options?.map((o) => (
          <label key={o.id} className="flex items-center gap-2">
            <input type="checkbox" checked={chosen.includes(o.id)} onChange={(e) => touch(set)(e.target.checked ? [...chosen, o.id] : chosen.filter((x) => x !== o.id))} /> {o.name}
          </label>
        ))}
        {options?.length === 0 && <span className="text-sm text-[var(--muted)]">None yet.</span>}
      </div>
      {errors[field] && <p className="text-xs text-[var(--critical-text)]">{errors[field]}</p>}
    </fieldset>
  );
  return (
    <Page title={promotion ? (promotion.code ?? 'Automatic promotion') : 'Create promotion'} back={{ label: 'Back to promotions', to: '/promotions' }}
      badges={promotion && <StatusBadge status={promotionStatus(promotion)} />}>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(undefined); }}>
        <ErrorBanner error={save.bannerError ?? remove.bannerError} />
        <fieldset disabled={!editable} className="contents">
          <DetailLayout
            main={<>
              <Card title="Method">
                <div className="flex flex-col gap-3">
                  {!promotion && (
                    <fieldset className="flex flex-wrap gap-4">
                      <legend className="mb-1 text-sm font-medium">How buyers get it</legend>
                      <label className="flex items-center gap-2"><input type="radio" name="method" checked={!automatic} onChange={() => touch(setAutomatic)(false)} /> With a code</label>
                      <label className="flex items-center gap-2"><input type="radio" name="method" checked={automatic} onChange={() => touch(setAutomatic)(true)} /> Automatically</label>
                    </fieldset>
                  )}
                  {!automatic && <TextField label="Code" required hint="Letters, digits, - and _. Buyers may type it in any case." value={code} onChange={(e) => touch(setCode)(e.target.value)} error={errors.code} data-field="code" />}
                  <TextField label="Description" hint="For staff; shown to buyers for automatic promotions." value={description} onChange={(e) => touch(setDescription)(e.target.value)} error={errors.description} data-field="description" />
                </div>
              </Card>
              <Card title="Discount">
                <div className="flex flex-col gap-3">
                  <SelectField label="Type" value={type} onChange={(e) => touch(setType)(e.target.value as Kind)} error={errors.type}>
                    <option value="percentage">Percentage off</option><option value="fixed">Amount off</option>
                    <option value="free_shipping">Free shipping</option><option value="buy_x_get_y">Buy X, get Y</option>
                  </SelectField>
                  {type === 'percentage' && <TextField label="Percent off" type="number" min={0} max={100} step="any" required value={percent} onChange={(e) => touch(setPercent)(e.target.value)} error={errors.value} data-field="value" />}
                  {type === 'fixed' && moneyFields('Amount off', amounts, setAmounts, 'amounts')}
                  {type === 'buy_x_get_y' && (
                    <div className="flex flex-wrap gap-2">
                      <TextField className="w-32" label="Buy (units)" type="number" min={1} required value={buy} onChange={(e) => touch(setBuy)(e.target.value)} error={errors.buy_quantity} data-field="buy_quantity" />
                      <TextField className="w-32" label="Get (units)" type="number" min={1} required value={get} onChange={(e) => touch(setGet)(e.target.value)} error={errors.get_quantity} data-field="get_quantity" />
                      <TextField className="w-40" label="Percent off those" type="number" min={1} max={100} placeholder="100" hint="100: free" value={percent} onChange={(e) => touch(setPercent)(e.target.value)} error={errors.value} data-field="value" />
                    </div>
                  )}
                  {(type === 'percentage' || type === 'fixed') && (
                    <SelectField label="Applies to" value={target} onChange={(e) => touch(setTarget)(e.target.value)} error={errors.target}>
                      <option value="order">The whole order</option><option value="items">Only the matching items</option>
                    </SelectField>
                  )}
                </div>
              </Card>
              <Card title="Conditions">
                <div className="flex flex-col gap-3">
                  <p className="text-sm text-[var(--muted)]">An item matches when it is in a chosen collection, is a chosen variant or carries a chosen tag. None chosen: every item matches.</p>
                  {checkboxes('Collections', 'Products in any of these.', collections.data?.data.map((c) => ({ id: c.id, name: c.title })), collectionIds, setCollectionIds, 'collection_ids')}
                  <fieldset className="flex flex-col gap-2">
                    <legend className="mb-1 text-sm font-medium">Variants</legend>
                    {variants.length > 0 && (
                      <ul aria-label="Variants chosen" className="flex flex-wrap gap-2">
                        {variants.map((v) => (
                          <li key={v.id} className="flex items-center gap-1 text-sm">
                            {v.label}
                            <button type="button" className="button" aria-label={`Remove ${v.label}`} onClick={() => touch(setVariants)(variants.filter((x) => x.id !== v.id))}>×</button>
                          </li>
                        ))}
                      </ul>
                    )}
                    <VariantSearch currency={currencies[0] ?? 'USD'} onPick={(v) => {
                      if (!variants.some((x) => x.id === v.id)) touch(setVariants)([...variants, { id: v.id, label: `${v.product_title}${v.sku ? ` (${v.sku})` : ''}` }]);
                    }} />
                  </fieldset>
                  <TextField label="Product tags" hint="Separated by commas, exactly as written on the products." value={tags} onChange={(e) => touch(setTags)(e.target.value)} error={errors.tags} data-field="tags" />
                  <TextField className="w-48" label="Minimum quantity" type="number" min={1} hint="Matching units the cart must hold." value={minQuantity} onChange={(e) => touch(setMinQuantity)(e.target.value)} error={errors.min_quantity} data-field="min_quantity" />
                  {moneyFields('Minimum subtotal', minimums, setMinimums, 'min_subtotals')}
                  <div className="flex flex-wrap gap-2">
                    <TextField label="Starts" type="datetime-local" value={startsAt} onChange={(e) => touch(setStartsAt)(e.target.value)} error={errors.starts_at} />
                    <TextField label="Ends" type="datetime-local" value={endsAt} onChange={(e) => touch(setEndsAt)(e.target.value)} error={errors.ends_at} data-field="ends_at" />
                  </div>
                </div>
              </Card>
            </>}
            side={<>
              <Card title="Customers">
                <div className="flex flex-col gap-3">
                  {customerConditions && checkboxes('Customer groups', 'Signed-in customers in any of these. None: anyone.', groups.data?.data, groupIds, setGroupIds, 'customer_group_ids')}
                  {customerConditions && checkboxes('Segments', 'Signed-in customers in any of these when the cart is read. None: anyone.', segments.data?.data, segmentIds, setSegmentIds, 'segment_ids')}
                  <label className="flex items-center gap-2"><input type="checkbox" checked={firstOrderOnly} onChange={(e) => touch(setFirstOrderOnly)(e.target.checked)} /> First order only</label>
                </div>
              </Card>
              <Card title="Campaign">
                <SelectField label="Campaign" hint="Shares the campaign’s dates and budget." value={campaignId} onChange={(e) => touch(setCampaignId)(e.target.value)} error={errors.campaign_id} data-field="campaign_id">
                  <option value="">None</option>
                  {campaigns.data?.data.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                </SelectField>
              </Card>
              <Card title="Limits">
                <div className="flex flex-col gap-3">
                  <TextField label="Total uses" type="number" min={1} hint="Empty: no limit." value={usageLimit} onChange={(e) => touch(setUsageLimit)(e.target.value)} error={errors.usage_limit} data-field="usage_limit" />
                  <TextField label="Uses per customer" type="number" min={1} hint="Per account, or per email for guests." value={perCustomer} onChange={(e) => touch(setPerCustomer)(e.target.value)} error={errors.per_customer_limit} data-field="per_customer_limit" />
                  <label className="flex items-center gap-2"><input type="checkbox" checked={combinable} onChange={(e) => touch(setCombinable)(e.target.checked)} /> Combines with other combinable promotions</label>
                  <label className="flex items-center gap-2"><input type="checkbox" checked={active} onChange={(e) => touch(setActive)(e.target.checked)} /> Active</label>
                </div>
              </Card>
              {promotion && (
                <Card title="Performance">
                  <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                    <dt className="text-[var(--muted)]">Discount</dt><dd>{describeDiscount(promotion)}</dd>
                    <dt className="text-[var(--muted)]">Orders</dt><dd>{formatNumber(promotion.usage_count)}{promotion.usage_limit === null ? '' : ` of ${formatNumber(promotion.usage_limit)}`}</dd>
                    <dt className="text-[var(--muted)]">Given</dt><dd>{promotion.discount_given.map((d) => formatMoney(d.amount, d.currency_code)).join(', ') || '—'}</dd>
                  </dl>
                  {editable && (promotion.usage_count === 0
                    ? <button type="button" className="button mt-3" disabled={remove.isPending} onClick={() => { if (window.confirm('Delete this promotion?')) remove.mutate(undefined); }}>Delete promotion</button>
                    : <p className="mt-3 text-xs text-[var(--muted)]">Orders used it, so it stays on record: clear Active to stop it.</p>)}
                </Card>
              )}
            </>}
          />
        </fieldset>
        {editable && (dirty || !promotion) && (
          <div className="sticky bottom-0 z-10 mt-4 flex flex-wrap items-center justify-end gap-2 rounded-md border border-[var(--border)] bg-[var(--surface)] p-3 shadow">
            <span className="mr-auto text-sm font-medium">{promotion ? 'Unsaved changes' : 'New promotion'}</span>
            <button type="submit" className="button button-primary" disabled={save.isPending}>{save.isPending ? 'Saving…' : promotion ? 'Save' : 'Create promotion'}</button>
          </div>
        )}
      </form>
    </Page>
  );
}
